using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Generators.Emit;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators;

/// <summary>
/// Compiles the semantic-convention YAML among the project's AdditionalFiles into C#.
/// Each file is parsed once and cached; resolution runs over all files; every output is
/// emitted from a value-equatable spec so that unchanged outputs are not written again.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ConventionGenerator : IIncrementalGenerator
{
    public static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string Platform = nameof(Platform);
        public const string ParseFile = nameof(ParseFile);
        public const string ImportedFiles = nameof(ImportedFiles);
        public const string UnimportedRegistries = nameof(UnimportedRegistries);
        public const string FileDiagnostics = nameof(FileDiagnostics);
        public const string Resolve = nameof(Resolve);
        public const string Plan = nameof(Plan);
        public const string PlanDiagnostics = nameof(PlanDiagnostics);
        public const string AttributeNamespaces = nameof(AttributeNamespaces);
        public const string Spans = nameof(Spans);
        public const string Events = nameof(Events);
        public const string LogEvents = nameof(LogEvents);
        public const string Metrics = nameof(Metrics);
        public const string Support = nameof(Support);
        public const string Catalog = nameof(Catalog);
        public const string Baseline = nameof(Baseline);
        public const string Compatibility = nameof(Compatibility);
        public const string Schema = nameof(Schema);
        public const string Resources = nameof(Resources);
        public const string GeneratedCode = nameof(GeneratedCode);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var files = context.AdditionalTextsProvider
            .Where(static text => IsConventionFile(text.Path))
            .Select(static (text, cancellationToken) => ParseFile(text, cancellationToken))
            .WithTrackingName(TrackingNames.ParseFile);

        var fileDiagnostics = files
            .Select(static (file, _) => file.Diagnostics)
            .WithTrackingName(TrackingNames.FileDiagnostics);

        // Files of registries the project did not write carry item metadata (see the package
        // targets); read apart from the text so that parsing stays keyed on the file alone.
        var importedFiles = context.AdditionalTextsProvider
            .Where(static text => IsConventionFile(text.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ImportedFileReader.Read(pair.Left.Path, pair.Right.GetOptions(pair.Left)))
            .Where(static file => file is not null)
            .Collect()
            .Select(static (all, _) => all.Select(f => f!).OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ImportedFiles);

        // The names of registries the project does not import (the upstream one turned off), so that
        // TC0009 can say where an unknown attribute is defined.
        var unimportedRegistries = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => UnimportedRegistryReader.Read(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Where(static registry => registry is not null)
            .Collect()
            .Select(static (all, _) => all.Select(r => r!).OrderBy(r => r.Registry, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.UnimportedRegistries);

        var registry = files.Collect().Combine(importedFiles).Combine(unimportedRegistries)
            .Select(static (input, _) => ConventionResolver.Resolve(input.Left.Left.OrderBy(f => f.Path, StringComparer.Ordinal), input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Resolve);

        // Gauge<T> and InstrumentAdvice<T> arrived in System.Diagnostics.DiagnosticSource 9: older
        // targets get no gauge wrappers and no bucket advice. Read from the references, not the
        // compilation, so that an edit of the code does not repeat the look-ups.
        var platform = context.MetadataReferencesProvider
            .Collect()
            .Select(static (references, _) => TargetPlatformReader.Read(references))
            .WithTrackingName(TrackingNames.Platform);

        var plan = registry.Combine(options).Combine(platform)
            .Select(static (input, _) => GenerationPlanner.Plan(input.Left.Left, input.Left.Right.Options, input.Right))
            .WithTrackingName(TrackingNames.Plan);

        var planDiagnostics = plan.Combine(options)
            .Select(static (pair, _) => new EquatableArray<ConventionDiagnostic>(pair.Left.Diagnostics.Concat(pair.Right.Diagnostics)))
            .WithTrackingName(TrackingNames.PlanDiagnostics);

        var attributeNamespaces = plan
            .SelectMany(static (p, _) => p.AttributeNamespaces)
            .WithTrackingName(TrackingNames.AttributeNamespaces);

        var spans = plan.SelectMany(static (p, _) => p.Spans).WithTrackingName(TrackingNames.Spans);
        var events = plan.SelectMany(static (p, _) => p.Events).WithTrackingName(TrackingNames.Events);
        var logEvents = plan.SelectMany(static (p, _) => p.LogEvents).WithTrackingName(TrackingNames.LogEvents);
        var metrics = plan.SelectMany(static (p, _) => p.Metrics).WithTrackingName(TrackingNames.Metrics);
        // The shared helpers are written once, and only for projects that get wrappers.
        var support = plan
            .Select(static (p, _) => p.HasWrappers ? p.Options : null)
            .WithTrackingName(TrackingNames.Support);

        var catalog = plan
            .Select(static (p, _) => p.Catalog.Signals.IsEmpty ? null : p.Catalog)
            .WithTrackingName(TrackingNames.Catalog);

        // The baseline of published conventions (TelemetryConventions.Shipped.txt), when the project has one.
        var baselines = context.AdditionalTextsProvider
            .Where(static text => ConventionBaseline.IsBaselineFile(text.Path))
            .Select(static (text, cancellationToken) => BaselineFormat.Read(text.Path, text.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.Baseline);

        var compatibility = baselines.Combine(registry)
            .Select(static (pair, _) => CompatibilityChecker.Check(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Compatibility);

        // The schema URL: from the option, or from the manifests of the project's registry and of the registries it imports.
        var manifests = context.AdditionalTextsProvider
            .Where(static text => ConventionFileParser.IsRegistryManifest(text.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => RegistryManifestParser.Parse(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? "",
                imported: ImportedFileReader.Read(pair.Left.Path, pair.Right.GetOptions(pair.Left)) is not null))
            .Collect();
        var schemaOption = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => provider.GlobalOptions.TryGetValue("build_property." + SchemaPlanner.SchemaUrlProperty, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null);
        var schema = manifests.Combine(schemaOption).Combine(options).Combine(platform)
            .Select(static (input, _) => SchemaPlanner.Plan(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right.Options, input.Right))
            .WithTrackingName(TrackingNames.Schema);
        context.RegisterSourceOutput(schema.Select(static (plan, _) => plan.Diagnostics), DiagnosticReporter.Report);
        context.RegisterSourceOutput(schema.Select(static (plan, _) => plan.Spec), static (output, spec) =>
        {
            if (spec is not null)
            {
                output.AddSource(SchemaSpec.HintName, SchemaEmitter.Emit(spec));
            }
        });

        // Entities as resource attributes.
        var resources = registry.Combine(plan)
            .Select(static (pair, _) => ResourcePlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Resources);
        context.RegisterSourceOutput(resources.Select(static (plan, _) => plan.Diagnostics), DiagnosticReporter.Report);
        context.RegisterSourceOutput(resources.SelectMany(static (plan, _) => plan.Resources), static (output, spec) => output.AddSource(spec.HintName, ResourceEmitter.Emit(spec)));

        // [GeneratedCode] on the classes that many files add to, from one part of their own.
        var generatedCode = plan.Combine(resources)
            .Select(static (pair, _) =>
            {
                var (p, r) = pair;
                var classes = new System.Collections.Generic.List<string>();
                if (!p.Spans.IsEmpty)
                {
                    classes.Add(WrapperPlanner.SpansClass);
                }
                if (!p.Events.IsEmpty || !p.LogEvents.IsEmpty)
                {
                    classes.Add(WrapperPlanner.EventsClass);
                }
                if (!p.Metrics.IsEmpty)
                {
                    classes.Add(WrapperPlanner.MetricsClass);
                }
                // The analyzers know the pseudonymisation helpers by their [IdentifierSpace] mark, so
                // their class is marked generated like the others.
                if (p.AttributeNamespaces.Any(ns => ns.Attributes.Any(a => a.PseudonymHelper is not null)))
                {
                    classes.Add(GenerationPlanner.PseudonymsClass);
                }
                if (!r.Resources.IsEmpty)
                {
                    classes.Add(ResourcePlanner.ResourcesClass);
                }
                return new GeneratedCodeSpec(classes.ToEquatableArray(), p.Options);
            })
            .WithTrackingName(TrackingNames.GeneratedCode);
        context.RegisterSourceOutput(generatedCode, static (output, spec) =>
        {
            if (!spec.Classes.IsEmpty)
            {
                output.AddSource(GeneratedCodeSpec.HintName, GeneratedCodeEmitter.Emit(spec));
            }
        });

        context.RegisterSourceOutput(compatibility, DiagnosticReporter.Report);
        context.RegisterSourceOutput(fileDiagnostics, DiagnosticReporter.Report);
        context.RegisterSourceOutput(planDiagnostics, DiagnosticReporter.Report);
        context.RegisterSourceOutput(attributeNamespaces, static (output, spec) => output.AddSource(spec.HintName, AttributeEmitter.Emit(spec)));
        context.RegisterSourceOutput(spans, static (output, spec) => output.AddSource(spec.HintName, SpanEmitter.Emit(spec)));
        context.RegisterSourceOutput(events, static (output, spec) => output.AddSource(spec.HintName, EventEmitter.Emit(spec)));
        context.RegisterSourceOutput(logEvents, static (output, spec) => output.AddSource(spec.HintName, LogEventEmitter.Emit(spec)));
        context.RegisterSourceOutput(metrics, static (output, spec) => output.AddSource(spec.HintName, MetricEmitter.Emit(spec)));
        context.RegisterSourceOutput(metrics.Where(static spec => MetricFailureEmitter.ErrorType(spec) is not null),
            static (output, spec) => output.AddSource(MetricFailureEmitter.HintName(spec), MetricFailureEmitter.Emit(spec)));
        context.RegisterSourceOutput(catalog, static (output, spec) =>
        {
            if (spec is not null)
            {
                output.AddSource(CatalogSpec.HintName, CatalogEmitter.Emit(spec));
            }
        });
        context.RegisterSourceOutput(support, static (output, options) =>
        {
            if (options is not null)
            {
                output.AddSource(SupportEmitter.HintName, SupportEmitter.Emit(options));
            }
        });
    }

    internal static bool IsConventionFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !ConventionFileParser.IsRegistryManifest(path);

    private static ConventionFile ParseFile(AdditionalText text, CancellationToken cancellationToken)
    {
        var source = text.GetText(cancellationToken);
        if (source is null)
        {
            var diagnostic = ConventionDiagnostic.Create(ConventionRules.YamlSyntax, SourceSpan.FileStart(text.Path), "The file could not be read");
            return new ConventionFile(text.Path, EquatableArray<AttributeDefinition>.Empty, EquatableArray<GroupDefinition>.Empty, new[] { diagnostic });
        }
        // Kept for the analyzers too (ParsedFileCache), so that they do not parse the file again.
        return ParsedFileCache.GetOrParse(ParsedFileCache.Key(text.Path, source.GetChecksum()), () => ConventionFileParser.Parse(text.Path, source.ToString()));
    }
}
