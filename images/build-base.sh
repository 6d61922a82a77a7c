#!/usr/bin/env bash
# Builds figstream's base image without a Docker daemon or an image registry, as a `docker save`
# tar that Jib takes with `tar://` (see docs/images.md):
#   layer 1, os:  the C libraries the JRE and the JNI libraries (RocksDB, ONNX Runtime, zstd, snappy,
#                 lz4, netty epoll) link against, unpacked from Debian bookworm packages fetched with
#                 apt-get download (the way distroless is made: no shell, no package manager), and
#                 /etc/passwd and /etc/group with the non-root user 10001;
#   layer 2, jre: a Java 17 runtime made with jlink from the local JDK's jmods, at /opt/java/openjdk.
# Output: images/target/base/figstream-base.tar, and packages.txt (the Debian packages and versions).
# Needs: a JDK 17 with jmods (openjdk-17-jdk-headless on Debian), apt-get, dpkg-deb, GNU tar,
# sha256sum. Root is not needed; as root, the runtime is also started in a chroot of the rootfs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/target/base}"
java_home="${JAVA_HOME_17:-/usr/lib/jvm/java-17-openjdk-amd64}"
uid=10001

# The JRE's modules: `jdeps --print-module-deps` of app/target/figstream.jar and its lib/ gives
# java.base,java.compiler,java.desktop,java.naming,java.rmi,java.scripting,java.security.jgss,
# java.security.sasl,java.sql,jdk.jfr,jdk.management,jdk.unsupported; the rest are for the Connect
# worker (java.xml, java.logging, java.management, JMX over RMI), TLS (jdk.crypto.ec), HTTP/2
# clients (java.net.http) and zip file systems (jdk.zipfs).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management
modules+=,java.management.rmi,java.naming,java.net.http,java.rmi,java.scripting
modules+=,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr
modules+=,jdk.management,jdk.management.agent,jdk.net,jdk.unsupported,jdk.zipfs

# Debian packages, from `ldd` of the jlinked JRE's libraries and of the JNI libraries in the app's
# jars: glibc; libstdc++ and libgcc_s (RocksDB, ONNX Runtime); zlib (libzip); and what java.desktop's
# headless libraries use (ImageIO JPEG, colour management, the font manager). The X11, ALSA and
# splash-screen libraries are removed from the JRE instead (the images run headless).
packages=(libc6 libgcc-s1 libstdc++6 zlib1g libjpeg62-turbo liblcms2-2 libpng16-16 libfreetype6
  libharfbuzz0b libglib2.0-0 libgraphite2-3 libpcre2-8-0 libbrotli1)

work="$out/work"
rm -rf "$out"
mkdir -p "$work/debs" "$work/os" "$work/jre/opt/java"

echo "base: downloading ${#packages[@]} Debian packages" >&2
(cd "$work/debs" && apt-get download "${packages[@]}" >/dev/null)
: >"$out/packages.txt"
mkdir -p "$work/os/var/lib/dpkg/status.d"
for deb in "$work"/debs/*.deb; do
  name="$(dpkg-deb -f "$deb" Package)"
  dpkg-deb -x "$deb" "$work/os"
  # what scanners read in distroless images: one control file per package
  dpkg-deb -f "$deb" >"$work/os/var/lib/dpkg/status.d/$name"
  echo "$name $(dpkg-deb -f "$deb" Version) $(sha256sum "$deb" | cut -c1-64)" >>"$out/packages.txt"
done
# no shell, no docs but the copyright notices
(cd "$work/os" && rm -rf usr/share/man usr/share/info usr/share/lintian usr/share/locale \
  usr/share/gdb usr/lib/x86_64-linux-gnu/gconv usr/share/doc-base usr/bin usr/sbin sbin bin \
  etc/ld.so.conf.d)
find "$work/os/usr/share/doc" -type f ! -name copyright -delete
find "$work/os/usr/share/doc" -type l -delete

mkdir -p "$work/os/etc" "$work/os/tmp" "$work/os/proc" "$work/os/sys" "$work/os/dev" "$work/os/var/lib/figstream" "$work/os/home/figstream"
chmod 1777 "$work/os/tmp"
cat >"$work/os/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
figstream:x:$uid:$uid:figstream:/home/figstream:/sbin/nologin
EOF
cat >"$work/os/etc/group" <<EOF
root:x:0:
nogroup:x:65534:
figstream:x:$uid:
EOF
echo "hosts: files dns" >"$work/os/etc/nsswitch.conf"
cp "$here/os-release" "$work/os/etc/os-release"

echo "base: jlink $modules" >&2
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/jre/opt/java/openjdk"
jre="$work/jre/opt/java/openjdk"
rm -f "$jre"/lib/libawt_xawt.so "$jre"/lib/libjawt.so "$jre"/lib/libsplashscreen.so "$jre"/lib/libjsound.so

# Every shared library of the JRE must resolve inside the rootfs: ask its own dynamic loader.
root="$work/rootfs"
mkdir -p "$root"
cp -a "$work/os/." "$root/"
cp -a "$work/jre/." "$root/"
loader="$root/lib64/ld-linux-x86-64.so.2"
libpath="$root/lib/x86_64-linux-gnu:$root/usr/lib/x86_64-linux-gnu:$jre/lib:$jre/lib/server"
missing=0
while IFS= read -r so; do
  if "$loader" --library-path "$libpath" --list "$so" 2>&1 | grep -q "not found"; then
    echo "base: unresolved in $so:" >&2
    "$loader" --library-path "$libpath" --list "$so" 2>&1 | grep "not found" >&2
    missing=1
  fi
done < <(find "$jre" -name '*.so')
[ "$missing" = 0 ] || exit 1
"$loader" --library-path "$libpath" "$jre/bin/java" -version 2>&1 | sed 's/^/base: /' >&2
# As root: run it as the image would, chrooted, as uid 10001, with /proc mounted (the launcher finds
# libjli.so through $ORIGIN, which glibc reads from /proc/self/exe).
if [ "$(id -u)" = 0 ] && command -v chroot >/dev/null && command -v unshare >/dev/null; then
  unshare --mount --fork sh -c "mount -t proc proc '$root/proc' &&
    chroot --userspec=$uid:$uid '$root' /opt/java/openjdk/bin/java -XX:MaxRAMPercentage=75 -version" 2>&1 |
    sed 's/^/base (chroot as uid '$uid'): /' >&2
fi

# A layer: a tar with fixed owners, modes as on disk, mtimes at the epoch, sorted names.
layer() { # dir tarfile
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 --format=gnu \
    -C "$1" -cf "$2" .
}
image="$work/image"
mkdir -p "$image"
chown -R $uid:$uid "$work/os/var/lib/figstream" "$work/os/home/figstream" 2>/dev/null || true
tar --sort=name --numeric-owner --mtime=@0 --format=gnu -C "$work/os" -cf "$image/os.tar" \
  --owner=0 --group=0 --exclude=./var/lib/figstream --exclude=./home/figstream .
tar --sort=name --numeric-owner --mtime=@0 --format=gnu -C "$work/os" -rf "$image/os.tar" \
  --owner=$uid --group=$uid ./var/lib/figstream ./home/figstream
layer "$work/jre" "$image/jre.tar"
os_id="sha256:$(sha256sum "$image/os.tar" | cut -c1-64)"
jre_id="sha256:$(sha256sum "$image/jre.tar" | cut -c1-64)"
version="$("$loader" --library-path "$libpath" "$jre/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.runtime.version = //p')"
cat >"$image/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$uid:$uid",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk",
         "JAVA_VERSION=$version","LANG=C.UTF-8"],
  "WorkingDir":"/home/figstream",
  "Labels":{"org.opencontainers.image.title":"figstream-base",
            "org.opencontainers.image.description":"Debian bookworm C libraries and a jlinked Java $version runtime"}},
 "rootfs":{"type":"layers","diff_ids":["$os_id","$jre_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"images/build-base.sh: Debian packages ${packages[*]}"},
            {"created":"1970-01-01T00:00:00Z","created_by":"images/build-base.sh: jlink $modules"}]}
EOF
config_id="$(sha256sum "$image/config.json" | cut -c1-64)"
mv "$image/config.json" "$image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["figstream-base:latest"],"Layers":["os.tar","jre.tar"]}]\n' \
  "$config_id" >"$image/manifest.json"
(cd "$image" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
  -cf "$out/figstream-base.tar" manifest.json "$config_id.json" os.tar jre.tar)
echo "base: $out/figstream-base.tar: os layer $(du -h "$image/os.tar" | cut -f1)," \
  "jre layer $(du -h "$image/jre.tar" | cut -f1) (uncompressed)" >&2
rm -rf "$work"
