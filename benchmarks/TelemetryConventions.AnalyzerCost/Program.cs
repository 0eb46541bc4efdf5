using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Generators;

namespace TelemetryConventions.AnalyzerCost;

/// <summary>
/// Usage: <c>dotnet run -c Release --project benchmarks/TelemetryConventions.AnalyzerCost -- &lt;source folder&gt;
/// [--conventions &lt;folder&gt;] [--registry &lt;folder&gt;] [--namespace &lt;generated namespace&gt;] [--references &lt;file&gt;] [--runs N] [--list]</c> (<c>--list</c> prints every diagnostic reported; <c>--runs 0</c> with it only lists them). Each run parses the folder afresh, compiles it (diagnostics
/// and emit, as the compiler does), then runs every analyzer of the package on that compilation with
/// execution times logged. The first run warms the JIT and is not counted; the median of the others
/// is printed. The compile is timed by the clock; the analyzers' time is the analyzer driver's own
/// log of time spent in their callbacks (analysis runs on one thread so the log adds up), which leaves
/// out the driver re-binding the compilation for its events, as the compiler's <c>ReportAnalyzer</c> does.
/// That log charges a rule for binding the method bodies it reads first, which the driver does for
/// every body anyway as soon as one operation analyzer is loaded (the SDK's default analyzers are).
/// So each run also measures the processor time of the analysis with a stand-in for those default
/// analyzers alone and with the package's analyzers added, three times each, alternated, keeping
/// the least of each: the difference is what the package adds to a build. Run it on a quiet machine.
/// <c>--registry</c> names a folder of an imported registry (the upstream files a project needs), whose
/// files are marked as the package targets mark them; <c>--namespace</c> is the generated API's.
/// Without <c>--conventions</c> the analyzers run as in a project that has adopted the
/// package but declared nothing yet (the upstream registry is not loaded either). Without
/// <c>--references</c> the code compiles against this process's own runtime, so package types do not
/// resolve; with it (a file listing one assembly path per line, for example the project's
/// <c>ReferencePathWithRefAssemblies</c> items) it compiles as in its own build.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: <source folder> [--conventions <folder>] [--registry <folder>] [--namespace <generated namespace>] [--references <file>] [--runs N] [--list]");
            return 2;
        }
        var folder = Path.GetFullPath(args[0]);
        var conventionsFolder = Option(args, "--conventions");
        var referencesFile = Option(args, "--references");
        var references = referencesFile is null ? PlatformReferences() : ListedReferences(referencesFile);
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(folder, p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var registryFolder = Option(args, "--registry");
        var registryFiles = registryFolder is null
            ? new List<string>()
            : Directory.EnumerateFiles(Path.GetFullPath(registryFolder), "*.yaml", SearchOption.AllDirectories).ToList();
        var conventions = (conventionsFolder is null
                ? Enumerable.Empty<string>()
                : Directory.EnumerateFiles(Path.GetFullPath(conventionsFolder), "*.yaml", SearchOption.AllDirectories))
            .Concat(registryFiles)
            .Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();
        var options = new OptionsProvider(Option(args, "--namespace") ?? "Measured.Telemetry", registryFiles.ToHashSet(StringComparer.Ordinal));
        var analyzers = typeof(TelemetryAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Where(t => Option(args, "--only") is not { } only || only.Split(',').Contains(t.Name))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var samples = new List<Sample>();
        for (var run = 0; run <= runs; run++)
        {
            var sample = await MeasureAsync(files, references, conventions, options, analyzers);
            if (run == 0)
            {
                Console.WriteLine($"{files.Count} files, {sample.Lines:N0} lines, {sample.CompilerErrors} compiler errors{(referencesFile is null ? " (packages not referenced)" : "")}, {sample.Reported} analyzer diagnostics, {sample.Crashes.Count} AD0001");
                foreach (var crash in sample.Crashes.Distinct(StringComparer.Ordinal).Take(3))
                {
                    Console.WriteLine("  " + crash);
                }
                if (args.Contains("--list"))
                {
                    // What the rules report on code they were not written for: each one to read as a finding or a false positive.
                    foreach (var diagnostic in sample.Diagnostics)
                    {
                        Console.WriteLine("  " + diagnostic);
                    }
                }
                continue;
            }
            samples.Add(sample);
            Console.WriteLine($"run {run}: compile {sample.Compile.TotalMilliseconds:F0} ms, generator {sample.Generator.TotalMilliseconds:F0} ms, analyzer callbacks {sample.Analyzers.TotalMilliseconds:F0} ms ({Share(sample):P1}), processor time: compile {sample.CompileProcessor.TotalMilliseconds:F0} ms, analysis {sample.Baseline.TotalMilliseconds:F0} → {sample.Baseline.TotalMilliseconds + sample.Added.TotalMilliseconds:F0} ms, added {sample.Added.TotalMilliseconds:F0} ms ({AddedShare(sample):P1}); allocated: compile {sample.CompileBytes / 1e6:F0} MB, added {sample.AddedBytes / 1e6:F1} MB ({AddedBytesShare(sample):P1})");
        }
        if (samples.Count == 0)
        {
            // --runs 0: the warm-up run only, for its diagnostics (with --list); nothing was timed.
            return 0;
        }
        var median = samples.OrderBy(Share).ElementAt(samples.Count / 2);
        var medianAdded = samples.OrderBy(AddedShare).ElementAt(samples.Count / 2);
        Console.WriteLine();
        Console.WriteLine($"median: compile {median.Compile.TotalMilliseconds:F0} ms, generator {median.Generator.TotalMilliseconds:F0} ms, analyzer callbacks {median.Analyzers.TotalMilliseconds:F0} ms = {Share(median):P1} of the compile");
        Console.WriteLine($"median: processor time the package adds to the default analyzers' {medianAdded.Baseline.TotalMilliseconds:F0} ms: {medianAdded.Added.TotalMilliseconds:F0} ms = {AddedShare(medianAdded):P1} of the compile's {medianAdded.CompileProcessor.TotalMilliseconds:F0} ms");
        var medianBytes = samples.OrderBy(AddedBytesShare).ElementAt(samples.Count / 2);
        Console.WriteLine($"median: memory the package's analysis allocates beyond the default analyzers': {medianBytes.AddedBytes / 1e6:F1} MB = {AddedBytesShare(medianBytes):P1} of the compile's {medianBytes.CompileBytes / 1e6:F0} MB");
        Console.WriteLine("slowest analyzers:");
        foreach (var (name, time) in median.PerAnalyzer.OrderByDescending(p => p.Value).Take(5))
        {
            Console.WriteLine($"  {name}: {time.TotalMilliseconds:F0} ms");
        }
        return 0;
    }

    private static double Share(Sample sample) => sample.Analyzers.TotalMilliseconds / sample.Compile.TotalMilliseconds;

    private static double AddedBytesShare(Sample sample) => (double)sample.AddedBytes / sample.CompileBytes;

    private static double AddedShare(Sample sample) => sample.Added.TotalMilliseconds / sample.CompileProcessor.TotalMilliseconds;

    private static async Task<Sample> MeasureAsync(IReadOnlyList<string> files, ImmutableArray<MetadataReference> references, ImmutableArray<AdditionalText> conventions, OptionsProvider options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p)), parseOptions, path: p)).ToList();
        Compilation compilation = CSharpCompilation.Create(
            "Measured",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var generator = TimeSpan.Zero;
        if (!conventions.IsEmpty)
        {
            var generatorClock = Stopwatch.StartNew();
            CSharpGeneratorDriver.Create(new[] { new ConventionGenerator().AsSourceGenerator() }, conventions, parseOptions, options)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
            generator = generatorClock.Elapsed;
        }

        GC.Collect();
        var compileClock = Stopwatch.StartNew();
        var compileProcessor = Process.GetCurrentProcess().TotalProcessorTime;
        var compileBytes = GC.GetTotalAllocatedBytes(precise: true);
        var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        using (var peStream = new MemoryStream())
        {
            compilation.Emit(peStream);
        }
        var compile = compileClock.Elapsed;
        compileProcessor = Process.GetCurrentProcess().TotalProcessorTime - compileProcessor;
        compileBytes = GC.GetTotalAllocatedBytes(precise: true) - compileBytes;

        var analyzerOptions = new AnalyzerOptions(conventions, options);
        // Alternated, and the least of each kept: a neighbour's burst only ever adds time.
        var baseline = (Time: TimeSpan.MaxValue, Bytes: long.MaxValue);
        var withPackage = (Time: TimeSpan.MaxValue, Bytes: long.MaxValue);
        for (var pass = 0; pass < 3; pass++)
        {
            baseline = Min(baseline, await TimeAnalysisAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new DefaultAnalyzersStandIn()), analyzerOptions));
            withPackage = Min(withPackage, await TimeAnalysisAsync(compilation, analyzers.Add(new DefaultAnalyzersStandIn()), analyzerOptions));
        }

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var reported = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var perAnalyzer = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            perAnalyzer[analyzer.GetType().Name] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        }
        return new Sample(
            trees.Sum(t => t.GetText().Lines.Count),
            errors,
            reported.Count(d => d.Id != "AD0001"),
            reported.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList(),
            reported.Where(d => d.Id != "AD0001").Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal).ToList(),
            compile,
            compileProcessor,
            generator,
            new TimeSpan(perAnalyzer.Values.Sum(t => t.Ticks)),
            baseline.Time,
            withPackage.Time - baseline.Time,
            compileBytes,
            withPackage.Bytes - baseline.Bytes,
            perAnalyzer);
    }

    private static (TimeSpan Time, long Bytes) Min((TimeSpan Time, long Bytes) a, (TimeSpan Time, long Bytes) b) =>
        (a.Time < b.Time ? a.Time : b.Time, Math.Min(a.Bytes, b.Bytes));

    /// <summary>
    /// The processor time of one analysis pass with these analyzers. Processor time rather than the
    /// clock: on a shared virtual machine the clock also counts time stolen by neighbours, which
    /// swamps a difference of a few per cent.
    /// </summary>
    private static async Task<(TimeSpan Time, long Bytes)> TimeAnalysisAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        GC.Collect();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false)).GetAnalyzerDiagnosticsAsync();
        return (Process.GetCurrentProcess().TotalProcessorTime - before, GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
    }

    /// <summary>
    /// Stands for the analyzers every SDK build already runs (CA2017, CA1416 and the others on by
    /// default look at invocations): with one of them loaded, the driver binds every method body.
    /// It looks at each invocation and reports nothing.
    /// </summary>
    // A measuring stand-in, never shipped or loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DefaultAnalyzersStandIn : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("STANDIN", "Stand-in", "Stand-in", "Measurement", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1036, RS1041, RS2008

    private static ImmutableArray<MetadataReference> PlatformReferences() =>
        ToReferences(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("TelemetryConventions.", StringComparison.Ordinal)
                && !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)));

    private static ImmutableArray<MetadataReference> ListedReferences(string file) =>
        ToReferences(File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0
            && !Path.GetFileName(l).StartsWith("TelemetryConventions.", StringComparison.Ordinal)));

    // The runtime library is always referenced, as the package brings it.
    private static ImmutableArray<MetadataReference> ToReferences(IEnumerable<string> paths) =>
        paths.Append(typeof(Pseudonym).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static bool IsBuildOutput(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        return relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
            || relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private sealed record Sample(int Lines, int CompilerErrors, int Reported, IReadOnlyList<string> Crashes, IReadOnlyList<string> Diagnostics, TimeSpan Compile, TimeSpan CompileProcessor, TimeSpan Generator, TimeSpan Analyzers, TimeSpan Baseline, TimeSpan Added, long CompileBytes, long AddedBytes, IReadOnlyDictionary<string, TimeSpan> PerAnalyzer);

    private sealed class FileText(string path) : AdditionalText
    {
        private readonly Lazy<SourceText> _text = new(() => SourceText.From(File.ReadAllText(path)));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text.Value;
    }

    /// <summary>The generated API's namespace, and the files of an imported registry marked as the package targets mark them.</summary>
    private sealed class OptionsProvider(string generatedNamespace, IReadOnlySet<string> registryFiles) : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Imported = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.TelemetryConventionRegistry"] = "OpenTelemetry semantic conventions",
            ["build_metadata.AdditionalFiles.TelemetryConventionGenerate"] = "referenced",
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>
        {
            ["build_property.TelemetryConventionsNamespace"] = generatedNamespace,
            ["build_property.RootNamespace"] = "Measured",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => registryFiles.Contains(textFile.Path) ? Imported : Values.Empty;

        private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
