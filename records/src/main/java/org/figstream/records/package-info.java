/**
 * The public face of figstream's records: what one article version turns into. Everything outside
 * this package is internal and may change without notice; these records follow the versioned topic
 * schemas.
 */
package org.figstream.records;
