using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Everything a rule needs about one compilation, resolved once when the compilation starts:
/// the telemetry types, the conventions (read on first use, so a project with no telemetry calls
/// never parses YAML), the value flow with its per-method cache, and the generated constants.
/// </summary>
internal sealed class TelemetryCompilation
{
    /// <summary>
    /// The value flow and its summaries are shared by every rule of one compilation: a method's
    /// summary is computed once, whichever rule asks first.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, ValueFlow> SharedFlow = new();

    private readonly AnalyzerOptions _options;
    private readonly Lazy<ConventionIndex> _conventions;
    private readonly Lazy<Dictionary<string, IFieldSymbol>> _generatedConstants;
    private readonly Lazy<IReadOnlyList<UnimportedRegistry>> _unimported;

    public TelemetryCompilation(Compilation compilation, AnalyzerOptions options, KnownSymbols known, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        _options = options;
        Known = known;
        Flow = SharedFlow.GetValue(compilation, c => new ValueFlow(
            KnownSymbols.Create(c),
            new SourceIndex(c, cancellationToken),
            tree => TelemetryOptions.Read(options.AnalyzerConfigOptionsProvider.GetOptions(tree))));
        _conventions = new Lazy<ConventionIndex>(() => ConventionCache.Get(options.AdditionalFiles, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _generatedConstants = new Lazy<Dictionary<string, IFieldSymbol>>(() => GeneratedConstants.Find(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _unimported = new Lazy<IReadOnlyList<UnimportedRegistry>>(() => ReadUnimported(options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        HasConventionFiles = options.AdditionalFiles.Any(f => f is not null && f.Path is { } path && ConventionCache.IsConventionFile(path));
    }

    public Compilation Compilation { get; }

    public KnownSymbols Known { get; }

    public ValueFlow Flow { get; }

    public ConventionIndex Conventions => _conventions.Value;

    /// <summary>Generated attribute constants by value: <c>"patient.id"</c> → <c>PatientAttributes.Id</c>.</summary>
    public IReadOnlyDictionary<string, IFieldSymbol> Constants => _generatedConstants.Value;

    /// <summary>Whether the project has convention files at all; the naming rules are silent without them.</summary>
    public bool HasConventionFiles { get; }

    /// <summary>
    /// The attribute names of registries the project does not import (the upstream registry turned
    /// off), so that an undeclared key that one of them defines can say so.
    /// </summary>
    public IReadOnlyList<UnimportedRegistry> UnimportedRegistries => _unimported.Value;

    private static IReadOnlyList<UnimportedRegistry> ReadUnimported(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var registries = new List<UnimportedRegistry>();
        foreach (var file in options.AdditionalFiles)
        {
            var metadata = options.AnalyzerConfigOptionsProvider.GetOptions(file);
            if (metadata.TryGetValue(UnimportedRegistryNames.NamesOfOption, out var registry)
                && !string.IsNullOrWhiteSpace(registry)
                && file.GetText(cancellationToken) is { } text)
            {
                metadata.TryGetValue(UnimportedRegistryNames.HowToImportOption, out var howToImport);
                registries.Add(UnimportedRegistryNames.Read(registry, howToImport, file.Path, text.ToString()));
            }
        }
        return registries;
    }

    public TelemetryOptions OptionsFor(SyntaxTree tree) =>
        TelemetryOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree));
}

/// <summary>
/// Finds the generator's attribute constants: <c>const string</c> fields of classes named
/// <c>…Attributes</c>. The generator marks its files <c>// &lt;auto-generated/&gt;</c>; a constant
/// in such a file wins over one of the same value declared by hand.
/// </summary>
internal static class GeneratedConstants
{
    public static Dictionary<string, IFieldSymbol> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var constants = new Dictionary<string, IFieldSymbol>(StringComparer.Ordinal);
        var generated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in compilation.GetSymbolsWithName(n => n.EndsWith("Attributes", StringComparison.Ordinal), SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type)
            {
                continue;
            }
            var isGenerated = type.DeclaringSyntaxReferences.Any(r => IsGeneratedFile(r.SyntaxTree, cancellationToken));
            foreach (var member in type.GetMembers())
            {
                if (member is not IFieldSymbol { IsConst: true, ConstantValue: string value } field || field.DeclaredAccessibility == Accessibility.Private)
                {
                    continue;
                }
                if (!constants.ContainsKey(value) || (isGenerated && !generated.Contains(value)))
                {
                    constants[value] = field;
                    if (isGenerated)
                    {
                        generated.Add(value);
                    }
                }
            }
        }
        return constants;
    }

    public static bool IsGeneratedFile(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var head = text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, Math.Min(text.Length, 200)));
        return head.IndexOf("<auto-generated", StringComparison.Ordinal) >= 0;
    }
}
