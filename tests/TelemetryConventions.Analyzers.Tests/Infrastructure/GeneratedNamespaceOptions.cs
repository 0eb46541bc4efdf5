using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TelemetryConventions.Analyzers.Tests.Infrastructure;

/// <summary>
/// The build properties a project passes to the generator and analyzers, here only the namespace the
/// generated code goes into; no per-file options.
/// </summary>
public sealed class GeneratedNamespaceOptions : AnalyzerConfigOptionsProvider
{
    private readonly Values _global;

    public GeneratedNamespaceOptions(string generatedNamespace) =>
        _global = new Values(ImmutableDictionary<string, string>.Empty
            .Add("build_property.TelemetryConventionsNamespace", generatedNamespace)
            .Add("build_property.RootNamespace", generatedNamespace));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Values Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
