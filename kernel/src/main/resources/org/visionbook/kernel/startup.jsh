// The visionbook kernel runs this before the first cell. Replace it with your own script through
// -Dvisionbook.startup=FILE (kernel.json) or VISIONBOOK_STARTUP=FILE. Every package under
// org.visionbook.toolkit is imported as well.

// What JShell imports by default.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.regex.*;
import java.util.stream.*;

// Pictures.
import java.awt.image.BufferedImage;

// Tensors.
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

// Tables and charts.
import tech.tablesaw.api.*;
import org.knowm.xchart.*;

// display(x), display(x, "image/svg+xml"), render(x), updateDisplay(id, x), clearOutput().
import static org.visionbook.kernel.Notebook.*;
