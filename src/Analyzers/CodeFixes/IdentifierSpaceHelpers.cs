using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.CodeFixes;

/// <summary>One generated <c>Pseudonymize…</c>/<c>Compute…</c> pair: the attribute it serves and its domain.</summary>
internal sealed class IdentifierSpaceHelper
{
    public IdentifierSpaceHelper(INamedTypeSymbol container, string attributeName, string domain, string pseudonymizeName, string? computeName)
    {
        Container = container;
        AttributeName = attributeName;
        Domain = domain;
        PseudonymizeName = pseudonymizeName;
        ComputeName = computeName;
    }

    /// <summary>The generated class (<c>TelemetryPseudonyms</c>) that holds the extension methods.</summary>
    public INamedTypeSymbol Container { get; }

    public string AttributeName { get; }

    public string Domain { get; }

    public string PseudonymizeName { get; }

    public string? ComputeName { get; }
}

/// <summary>
/// Finds the generated helpers that pseudonymise in the domain the conventions declare, by the
/// <c>[IdentifierSpace(attribute, domain)]</c> mark the generator writes on each of them, and picks
/// the one for the place a raw identifier is sent to.
/// </summary>
internal static class IdentifierSpaceHelpers
{
    public const string MarkerMetadataName = "TelemetryConventions.IdentifierSpaceAttribute";
    public const string ContainerName = "TelemetryPseudonyms";

    /// <summary>Every marked helper the project's own sources (generated ones included) declare.</summary>
    public static IReadOnlyList<IdentifierSpaceHelper> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var marker = compilation.GetTypeByMetadataName(MarkerMetadataName);
        if (marker is null)
        {
            return System.Array.Empty<IdentifierSpaceHelper>();
        }
        var helpers = new Dictionary<string, (INamedTypeSymbol Container, string Domain, string? Pseudonymize, string? Compute)>(System.StringComparer.Ordinal);
        foreach (var container in compilation.GetSymbolsWithName(ContainerName, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>()
                     .OrderBy(t => t.ToDisplayString(), System.StringComparer.Ordinal))
        {
            foreach (var method in container.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsExtensionMethod).OrderBy(m => m.Name, System.StringComparer.Ordinal))
            {
                var mark = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, marker));
                if (mark is not { ConstructorArguments.Length: 2 }
                    || mark.ConstructorArguments[0].Value is not string attribute
                    || mark.ConstructorArguments[1].Value is not string domain)
                {
                    continue;
                }
                helpers.TryGetValue(attribute, out var entry);
                entry.Container ??= container;
                entry.Domain = domain;
                if (method.Name.StartsWith("Pseudonymize", System.StringComparison.Ordinal))
                {
                    entry.Pseudonymize ??= method.Name;
                }
                else if (method.Name.StartsWith("Compute", System.StringComparison.Ordinal))
                {
                    entry.Compute ??= method.Name;
                }
                helpers[attribute] = entry;
            }
        }
        return helpers
            .Where(h => h.Value.Pseudonymize is not null)
            .OrderBy(h => h.Key, System.StringComparer.Ordinal)
            .Select(h => new IdentifierSpaceHelper(h.Value.Container, h.Key, h.Value.Domain, h.Value.Pseudonymize!, h.Value.Compute))
            .ToList();
    }

    /// <summary>
    /// The helper for a raw value sent under <paramref name="siteKey"/> (an attribute name or a log
    /// placeholder) or, without one, for the diagnostic's <paramref name="domain"/>: the attribute the
    /// key names, else the one whose words it spells (<c>{PatientId}</c> is <c>patient.id</c>), else
    /// the only identifier attribute of that domain or root word. Null when that is not one attribute.
    /// </summary>
    public static IdentifierSpaceHelper? Choose(IReadOnlyList<IdentifierSpaceHelper> helpers, string? siteKey, string? domain)
    {
        if (helpers.Count == 0)
        {
            return null;
        }
        if (siteKey is not null)
        {
            if (helpers.FirstOrDefault(h => h.AttributeName == siteKey) is { } exact)
            {
                return exact;
            }
            var words = string.Join(" ", NameWords.Split(siteKey));
            if (Single(helpers.Where(h => string.Join(" ", NameWords.Split(h.AttributeName)) == words)) is { } spelled)
            {
                return spelled;
            }
        }
        if (string.IsNullOrEmpty(domain))
        {
            return null;
        }
        return Single(helpers.Where(h => h.Domain == domain || h.AttributeName == domain))
            ?? Single(helpers.Where(h => NameWords.Split(h.AttributeName).FirstOrDefault() == domain));
    }

    private static IdentifierSpaceHelper? Single(IEnumerable<IdentifierSpaceHelper> candidates)
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>
    /// The key of the telemetry site a value at <paramref name="value"/> is sent to: the attribute key,
    /// or the placeholder of a log template. Read with the analyzers' own sink recognition.
    /// </summary>
    public static string? SiteKey(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var known = KnownSymbols.Create(model.Compilation);
        foreach (var ancestor in value.Ancestors())
        {
            if (ancestor is StatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }
            if (ancestor is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax)
                || model.GetOperation(ancestor, cancellationToken) is not { } operation)
            {
                continue;
            }
            var sites = new List<TelemetrySite>();
            TelemetrySinks.Collect(operation, known, sites, new List<TelemetryName>());
            var site = sites.FirstOrDefault(s => s.KeyName is not null && s.Value.Syntax.Span.Contains(value.Span));
            if (site is not null)
            {
                return site.KeyName;
            }
        }
        return null;
    }
}
