using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC1001: a personal identifier reaches telemetry as it is. Raw identifiers in spans, metrics,
/// logs or baggage end up in every backend, export and support ticket; only a keyed pseudonym may
/// travel. The value is traced back through simple local flow to a name or member that says
/// "identifier", or the key it is sent under says so (a privacy annotation in the conventions, or
/// a key such as <c>customer.id</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpseudonymisedIdentifierAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.UnpseudonymisedIdentifier,
        "Personal identifier reaches telemetry without pseudonymisation",
        "'{0}' reaches the {1}{2}",
        RuleIds.PrivacyCategory,
        DiagnosticSeverity.Warning,
        "A personal identifier (a patient, student, customer or user id, a record number, an email address, …) must reach telemetry only as a keyed pseudonym from the runtime Pseudonymizer or a configured sanitizer.");

    /// <summary>Set when the key is declared 'redact': no value may be sent, so wrapping is no fix.</summary>
    public const string RedactProperty = "Redact";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool FollowsCalls => true;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        var options = compilation.OptionsFor(site.Value.Syntax.SyntaxTree);
        var declared = SiteKeys.Declared(compilation, site);
        var treatment = declared?.Privacy?.Treatment;
        if (treatment == PrivacyTreatment.Allow)
        {
            // The conventions say this identifier may be sent as it is: the team decided.
            return;
        }
        if (treatment == PrivacyTreatment.Redact)
        {
            if (!OperationTree.Unwrap(site.Value).ConstantValue.HasValue)
            {
                Report(context, site, site.Value, Describe(site.Value), site.Describe(), SiteKeys.Root(site.KeyName!), redact: true, fixable: true);
            }
            return;
        }

        if (site.Key is { } builtKey && site.KeyName is null && (site.IsAttribute || site.Kind == SinkKind.Baggage) && site.Kind != SinkKind.MetricAttribute
            && IsTextBuiltHere(builtKey)
            && compilation.Flow.Evaluate(builtKey, options, context.CancellationToken).Identifier is { } inKey)
        {
            // SetTag($"top.{card}", count): the key's text is exported as well as the value.
            Report(context, site, builtKey, inKey.Origin, site.Describe() + "'s key", inKey.Domain, redact: false, fixable: false);
        }

        var flow = compilation.Flow.EvaluateSite(site, options, context.CancellationToken);
        var keyRequiresPseudonym = SiteKeys.RequiresPseudonym(site, declared, options, out var keyDomain);
        if (flow.Identifier is { } identifier)
        {
            // Reported where the value enters telemetry. When the identifier was found elsewhere (a
            // method's summary, an exception thrown in a helper), there is nothing here to wrap.
            var inPlace = identifier.WrapTarget is { } target && target.Syntax.SyntaxTree == site.Value.Syntax.SyntaxTree
                && site.Value.Syntax.Span.Contains(target.Syntax.Span) && ValueFlow.CarriesIdentifier(target.Type)
                // An address holds the identifier in its text; a pseudonym of the whole address is not the fix.
                && !ValueFlow.IsUri(target.Type);
            Report(context, site, inPlace ? identifier.WrapTarget : site.Value, identifier.Origin, site.Describe(), keyRequiresPseudonym ? keyDomain : identifier.Domain, redact: false, fixable: inPlace);
        }
        else if (compilation.Flow.HandedByACaller(flow, site.Value, options, context.CancellationToken) is { } handed)
        {
            // A helper's own line: what it sends is what its callers hand it, and one hands it an identifier.
            Report(context, site, site.Value, handed.Origin, site.Describe(), keyRequiresPseudonym ? keyDomain : handed.Domain, redact: false, fixable: false);
        }
        else if (keyRequiresPseudonym && !flow.Proven && flow.Hash is null && CouldBeIdentifier(site.Value, compilation.Known) && !ValueFlow.NamesCodeMember(site.Value)
            // A key a helper chose judges the helper's own line (whatever it is handed); a call that hands
            // it a member named for what it holds (run.ToHospital) is judged by that name, one that hands it
            // an element or a local of no telling name by the key. A key the conventions declare binds every caller.
            && !(site.HandedToHelper && declared is null && OperationTree.Unwrap(site.Value) is IPropertyReferenceOperation { Property.IsIndexer: false } or IFieldReferenceOperation)
            && !ValueFlow.IsTally(site.Value) && !(keyDomain == "text" && (ValueFlow.IsMeasureValue(site.Value) || IsOwnWordsAroundFacts(site.Value) || NamesACode(site.Value))))
        {
            // Nothing proves the value was pseudonymised; an unkeyed hash is TC1002's to report. A count
            // under such a key (added_by = expired.Select(o => o.AddedBy).Distinct().Count()) is how many, not who,
            // and a number under a key named for typed text ({Question} given a quiz's question number) is no text.
            Report(context, site, site.Value, Describe(site.Value), site.Describe(), keyDomain, redact: false, fixable: true);
        }
    }

    /// <param name="target">What the fix wraps. The diagnostic is reported there, or, for a tag list built in a
    /// local, where the local reaches telemetry, with the target as its additional location.</param>
    private static void Report(OperationAnalysisContext context, TelemetrySite site, IOperation target, string origin, string sink, string domain, bool redact, bool fixable)
    {
        // Without a domain the wrap fix is not offered: the value here is not the raw identifier.
        var properties = fixable ? ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.Domain, domain) : ImmutableDictionary<string, string?>.Empty;
        if (redact)
        {
            properties = properties.Add(RedactProperty, "true");
        }
        // A redact attribute takes no value at all, a pseudonym included: the message says so rather
        // than asking for pseudonymisation.
        var why = redact ? ", which the conventions declare 'redact': no value may be sent, not even a pseudonym" : " without pseudonymisation";
        var diagnostic = site.ReportAt is { } sinkSide
            ? Diagnostic.Create(Rule, sinkSide.Syntax.GetLocation(), new[] { target.Syntax.GetLocation() }, properties, origin, sink, why)
            : Diagnostic.Create(Rule, target.Syntax.GetLocation(), properties, origin, sink, why);
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>
    /// Text, numbers and their sequences can be the identifier a key names; so can a value whose
    /// static type hides what it is (object, a type parameter). A User object logged as {User} is
    /// not judged by its key: what it prints is its own business.
    /// </summary>
    private static bool CouldBeIdentifier(IOperation value, KnownSymbols known)
    {
        var type = OperationTree.Unwrap(value).Type;
        return type is null
            || known.IsPseudonym(type)
            || type.SpecialType == SpecialType.System_Object
            || type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error
            // A date under a key named for a person (user.last_login) is a moment about them; a date of
            // birth is found by the flow, from its name.
            // An amount (decimal) under a key named for a person (deposit.to_landlord) is how much, not who.
            || (ValueFlow.CarriesIdentifier(type) && !ValueFlow.IsDate(type) && !ValueFlow.IsAmount(type));
    }

    private static string Describe(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>
    /// Text the method words itself around facts the flow has judged: <c>string.Format("Pack {0} items
    /// for {1}", order.Items.Count, order.OrderId)</c> under <c>{Note}</c>. A free-text key asks who wrote
    /// the value; here the service did, and every part is a number, a date, a flag or a thing's id.
    /// </summary>
    private static bool IsOwnWordsAroundFacts(IOperation value)
    {
        var built = BuiltText(value);
        if (built is null)
        {
            return false;
        }
        var parts = built switch
        {
            IInterpolatedStringOperation interpolated => interpolated.Parts.OfType<IInterpolationOperation>().Select(p => p.Expression),
            IInvocationOperation { TargetMethod.Name: "Format" } format => format.Arguments.Skip(1).SelectMany<IArgumentOperation, IOperation>(a => a.Value is IArrayCreationOperation { Initializer: { } items } ? items.ElementValues : new[] { a.Value }),
            _ => null,
        };
        if (parts is null || (built is IInvocationOperation { Arguments: { Length: > 0 } arguments } && !arguments[0].Value.ConstantValue.HasValue))
        {
            return false;
        }
        foreach (var part in parts)
        {
            var unwrapped = OperationTree.Unwrap(part);
            if (unwrapped.ConstantValue.HasValue || (unwrapped.Type is { } type && type.SpecialType is not (SpecialType.System_String or SpecialType.System_Object)
                && type.TypeKind is not (TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error) && (ValueFlow.IsScalar(type) || ValueFlow.IsDate(type))))
            {
                continue;
            }
            // A thing's id (order.OrderId) or a product's SKU: the flow has judged its name and found no person's.
            if (unwrapped is IMemberReferenceOperation or ILocalReferenceOperation
                && NameWords.Split(unwrapped is IMemberReferenceOperation member ? member.Member.Name : ((ILocalReferenceOperation)unwrapped).Local.Name) is { Count: > 0 } words
                && ((words.Count > 1 && words[words.Count - 1] is "id" or "number" or "ref" or "reference" or "code") || words[words.Count - 1] is "sku" or "skus"))
            {
                continue;
            }
            return false;
        }
        return true;
    }

    /// <summary>
    /// A code picked from a list (<c>appeal.GroundsCode</c>, <c>reasonCode</c>) under a key named for typed
    /// text (<c>appeal.grounds</c>): the form's code for the grounds, not what the appellant wrote.
    /// </summary>
    private static bool NamesACode(IOperation value)
    {
        var name = OperationTree.Unwrap(value) switch
        {
            IMemberReferenceOperation member => member.Member.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        var words = NameWords.Split(name);
        return words.Count > 1 && words[words.Count - 1] is "code" or "codes";
    }

    private static IOperation? BuiltText(IOperation value)
    {
        var unwrapped = OperationTree.Unwrap(value);
        if (unwrapped is ILocalReferenceOperation local && OperationTree.DeclaredValue(local) is { } declared)
        {
            // note += customer.Comment later would add what the declaration does not show.
            if (OperationTree.IsReassigned(local))
            {
                return null;
            }
            unwrapped = declared;
        }
        return unwrapped is IInterpolatedStringOperation or IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Format" } } ? unwrapped : null;
    }

    /// <summary>
    /// A key the call site writes out of parts (<c>$"top.{card}"</c>, <c>"grid." + name</c>, <c>string.Format</c>),
    /// directly or through a local assigned so. Keys taken whole from elsewhere (a dictionary's entries handed to
    /// <c>SetTag(key, value)</c>) are the entries' keys, judged with the entries.
    /// </summary>
    private static bool IsTextBuiltHere(IOperation key)
    {
        var value = OperationTree.Unwrap(key);
        if (value is ILocalReferenceOperation local && OperationTree.DeclaredValue(local) is { } declared)
        {
            value = declared;
        }
        return value switch
        {
            IInterpolatedStringOperation => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => true,
            IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Format" or "Concat" or "Join" } } => true,
            _ => false,
        };
    }
}
