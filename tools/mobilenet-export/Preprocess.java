// Test-input preparation for check.mjs (run as a JDK 17 single-file program, no build):
//   java [-cp <TwelveMonkeys jars, for TIFF>] Preprocess.java OUT_DIR IMAGE...
// For each image: decode with javax.imageio, composite onto white (PNG alpha), bilinear-resize to
// 224x224, and write OUT_DIR/<n>.f32 = float32 little-endian [224,224,3] RGB scaled x/255, the
// model's input layout. Node has no image decoder without extra packages, hence Java.
// Images ImageIO cannot read (e.g. TIFF without the TwelveMonkeys plugin) are skipped and reported.

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

public class Preprocess {
    static final int SIZE = 224;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        int n = 0;
        for (int a = 1; a < args.length; a++) {
            BufferedImage src;
            try {
                src = ImageIO.read(new File(args[a]));
            } catch (Exception e) {
                src = null;
            }
            if (src == null) {
                System.err.println("skip (cannot decode): " + args[a]);
                continue;
            }
            BufferedImage dst = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = dst.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, SIZE, SIZE, null);
            g.dispose();
            ByteBuffer buf = ByteBuffer.allocate(SIZE * SIZE * 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int rgb = dst.getRGB(x, y);
                    buf.putFloat(((rgb >> 16) & 0xff) / 255f);
                    buf.putFloat(((rgb >> 8) & 0xff) / 255f);
                    buf.putFloat((rgb & 0xff) / 255f);
                }
            }
            Path f = out.resolve(String.format("%02d.f32", n++));
            Files.write(f, buf.array());
            System.out.println(f.getFileName() + "\t" + src.getWidth() + "x" + src.getHeight() + "\t" + args[a]);
        }
    }
}
