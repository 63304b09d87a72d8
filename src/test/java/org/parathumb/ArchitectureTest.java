package org.parathumb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.parathumb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("org.parathumb.app..")
            .layer("Cli").definedBy("org.parathumb.cli..")
            .layer("Ui").definedBy("org.parathumb.ui..")
            .layer("Core").definedBy("org.parathumb.core..")
            .layer("Spark").definedBy("org.parathumb.spark..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Spark").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("App", "Cli", "Ui", "Spark")
            .because("the window, the command line and the Spark job are faces of one core, which knows none of them");

    @ArchTest
    static final ArchRule coreKnowsNoSpark = noClasses().that().resideInAPackage("org.parathumb.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
            .because("the desktop jar carries no Spark or Hadoop: the cluster provides them to the Spark job only");

    @ArchTest
    static final ArchRule sparkDependsOnlyOnCore = noClasses().that().resideInAPackage("org.parathumb.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.parathumb.app..", "org.parathumb.cli..",
                    "org.parathumb.ui..", "javafx..", "picocli..")
            .because("the Spark job runs the core on executors, with neither the window nor the command line");

    @ArchTest
    static final ArchRule nothingButTheSparkJobKnowsSpark = noClasses().that().resideOutsideOfPackage("org.parathumb.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
            .because("Spark is provided by the cluster: the window and the commands must run without it");

    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses().that().resideInAPackage("org.parathumb.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("core runs headless, in the CLI and in tests, without the FX toolkit");

    @ArchTest
    static final ArchRule coreKnowsNoCommandLine = noClasses().that().resideInAPackage("org.parathumb.core..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("argument parsing belongs to the cli layer");

    @ArchTest
    static final ArchRule cliKnowsNoWindow = noClasses().that().resideInAPackage("org.parathumb.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.parathumb.ui..", "javafx..")
            .because("the headless commands must never start or need the FX toolkit");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.parathumb.(**)").should().beFreeOfCycles()
            .because("cycles between packages make layers meaningless");

    @ArchTest
    static final ArchRule theImageApiDependsOnNoRoom = noClasses().that().resideInAPackage("org.parathumb.core.image")
            .should().dependOnClassesThat().resideInAPackage("org.parathumb.core.image.(*)..")
            .because("the API is what the rest of the program sees; the rooms implement it, not the other way");

    @ArchTest
    static final ArchRule roomsOfTheImageCoreFormNoCycle = slices().matching("org.parathumb.core.image.(*)..")
            .should().beFreeOfCycles()
            .because("each room of core.image says one thing and builds only on the rooms below it");

    @ArchTest
    static final ArchRule onlyPipelinesUseDecodersAndKernels = noClasses()
            .that().resideOutsideOfPackage("org.parathumb.core.image..")
            .should().dependOnClassesThat().resideInAnyPackage("org.parathumb.core.image.pixels..",
                    "org.parathumb.core.image.read..", "org.parathumb.core.image.imageio..",
                    "org.parathumb.core.image.jpeg..", "org.parathumb.core.image.pillow..",
                    "org.parathumb.core.image.nativecodec..", "org.parathumb.core.image.write..")
            .because("batch, bench, the window and the commands ask a pipeline for thumbnails; how it decodes and"
                    + " blurs stays behind it");

    @ArchTest
    static final ArchRule kernelsDecodeNothing = noClasses()
            .that().resideInAnyPackage("org.parathumb.core.image.pillow..", "org.parathumb.core.image.pixels..")
            .should().dependOnClassesThat().resideInAnyPackage("org.parathumb.core.image.read..",
                    "org.parathumb.core.image.write..", "org.parathumb.core.image.pipeline..", "javax.imageio..")
            .because("the kernels work on samples in memory, whoever decoded them");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses()
            .that().resideOutsideOfPackages("org.parathumb.cli..", "org.parathumb.spark..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("only the command lines (parathumb's and the Spark job's main) talk to the terminal;"
                    + " everything else reports through listeners");
}
