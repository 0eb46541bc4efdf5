using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC1002: an unkeyed hash used as pseudonymisation. Identifiers live in small, structured spaces
/// (a few million record numbers, a phone-number plan), so SHA-256 of a patient number is reversed by
/// hashing every candidate — in about a minute. Only a keyed HMAC (the runtime pseudonymiser) keeps
/// the value unlinkable without the key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnkeyedHashAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.UnkeyedHash,
        "Unkeyed hash used to pseudonymise an identifier",
        "'{0}' is an unkeyed hash: the {1} it sends to the {2} can be reversed by hashing candidate values",
        RuleIds.PrivacyCategory,
        DiagnosticSeverity.Warning,
        "SHA-1, SHA-256, MD5, GetHashCode and helpers that only wrap them are not pseudonymisation: anyone who can enumerate the identifiers can recompute the hash. Use the runtime Pseudonymizer (HMAC-SHA256 with a secret key).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool FollowsCalls => true;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        var options = compilation.OptionsFor(site.Value.Syntax.SyntaxTree);
        var declared = SiteKeys.Declared(compilation, site);
        if (declared?.Privacy is { Treatment: Conventions.Model.PrivacyTreatment.Allow })
        {
            return;
        }
        var flow = compilation.Flow.EvaluateSite(site, options, context.CancellationToken);
        if (flow.Hash is not { } hash)
        {
            return;
        }
        var keyRequiresPseudonym = SiteKeys.RequiresPseudonym(site, declared, options, out var keyDomain);
        if (hash.Input is null && !keyRequiresPseudonym)
        {
            // A hash of something that is not an identifier (a payload, a cache key) is no privacy matter.
            return;
        }
        var domain = keyRequiresPseudonym ? keyDomain : hash.Input!.Domain;
        var what = hash.Input is { } input ? $"identifier '{input.Origin}'" : "value";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.Domain, domain);

        // Reported where the value reaches telemetry; the hash itself (perhaps in an earlier
        // statement) and its input travel along for the fix.
        var additional = hash.RawInput is { } raw
            ? new[] { hash.ReplaceTarget.Syntax.GetLocation(), raw.Syntax.GetLocation() }
            : new[] { hash.ReplaceTarget.Syntax.GetLocation() };
        context.ReportDiagnostic(Diagnostic.Create(Rule, (site.ReportAt ?? site.Value).Syntax.GetLocation(), additional, properties, hash.Method, what, site.Describe()));
    }
}
