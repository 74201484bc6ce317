package parley.ui.shell;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Real Swing for JUnit 5 through AssertJ Swing: refuses to run without a display (run under {@code xvfb-run -a},
 * as {@code scripts/test} does), turns Swing access off the EDT into failures, gives each test a fresh robot
 * (a {@link org.assertj.swing.core.Robot} parameter) and saves a screenshot of a failing test to
 * {@code target/screenshots/} before the robot cleans the windows away.
 */
public final class SwingExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SwingExtension.class);

    static Path screenshots() {
        return Path.of(System.getProperty("parley.buildDir", "target"), "screenshots");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("the GUI tests need a display: run them under xvfb-run -a (scripts/test does)");
        }
        FailOnThreadViolationRepaintManager.install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("robot", BasicRobot.robotWithNewAwtHierarchy());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AppDriver app : AppDriver.OPEN) {
            app.close();
        }
        org.assertj.swing.core.Robot robot = context.getStore(NS).remove("robot", org.assertj.swing.core.Robot.class);
        if (robot != null) {
            robot.cleanUp();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == org.assertj.swing.core.Robot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get("robot", org.assertj.swing.core.Robot.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            Path dir = screenshots();
            Files.createDirectories(dir);
            Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            BufferedImage shot = new Robot().createScreenCapture(screen);
            Path file = dir.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + "-failure.png");
            ImageIO.write(shot, "png", file.toFile());
            failure.addSuppressed(new Exception("screenshot of the failure: " + file.toAbsolutePath()));
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }
}
