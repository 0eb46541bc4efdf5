using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC1004: a pseudonym made with a domain spelt at the call site, for an attribute whose identifier
/// space the conventions declare. Two spellings of one space (<c>"patient"</c> here, <c>"patient.id"</c>
/// there) give one person two unrelated pseudonyms, which silently breaks the correlation that
/// pseudonymising (rather than redacting) is for. A different domain is reported as a mismatch; the
/// right one typed as a literal is reported too, because the next copy of it may not be.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PseudonymDomainAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "TC1004";

    /// <summary>The attribute the pseudonym is sent under; the fix picks its generated helper by it.</summary>
    public const string AttributeProperty = "AttributeName";

    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        Id,
        "Pseudonymisation domain is spelt at the call site",
        "{0}",
        RuleIds.PrivacyCategory,
        DiagnosticSeverity.Warning,
        "The conventions declare the identifier space (domain) of every pseudonymised attribute. Pseudonymise with the generated helper (pseudonymizer.Pseudonymize<Attribute>(raw)) so that the same person gets the same pseudonym on every span, log and service.");

    private const string PseudonymizerMetadataName = "TelemetryConventions.Pseudonymizer";
    private const string PseudonymMetadataName = "TelemetryConventions.Pseudonym";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var pseudonymizer = start.Compilation.GetTypeByMetadataName(PseudonymizerMetadataName);
            var known = KnownSymbols.Create(start.Compilation);
            if (pseudonymizer is null)
            {
                return;
            }
            var compilation = new TelemetryCompilation(start.Compilation, start.Options, known, start.CancellationToken);
            if (!compilation.HasConventionFiles)
            {
                return;
            }
            var pseudonym = start.Compilation.GetTypeByMetadataName(PseudonymMetadataName);
            var spaces = new IdentifierSpaces(compilation);
            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, (IInvocationOperation)operationContext.Operation, pseudonymizer, pseudonym, known, spaces),
                OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, IInvocationOperation call, INamedTypeSymbol pseudonymizer, INamedTypeSymbol? pseudonym, KnownSymbols known, IdentifierSpaces spaces)
    {
        if (call.TargetMethod is not { Name: "Pseudonymize" or "Compute", IsStatic: false, Parameters.Length: 2 } method
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, pseudonymizer)
            || OperationTree.Argument(call.Arguments, method.Parameters[0].Name) is not { } domainArgument
            || OperationTree.Unwrap(domainArgument).ConstantValue is not { HasValue: true, Value: string domain })
        {
            return;
        }
        foreach (var attribute in Destinations(call, pseudonym, known, spaces))
        {
            if (spaces.DomainOf(attribute) is not { } declared)
            {
                continue;
            }
            string message;
            if (domain != declared)
            {
                message = $"'{attribute}' is pseudonymised in domain '{domain}', but the conventions put it in identifier space '{declared}': the same person gets another pseudonym elsewhere";
            }
            else if (OperationTree.Unwrap(domainArgument) is ILiteralOperation)
            {
                message = $"The domain of '{attribute}' is typed as the literal \"{domain}\"; use the generated helper so that it always matches the conventions";
            }
            else
            {
                continue;
            }
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(AttributeProperty, attribute)
                .Add(PropertyNames.Domain, declared);
            context.ReportDiagnostic(Diagnostic.Create(Rule, domainArgument.Syntax.GetLocation(), properties, message));
            return;
        }
    }

    /// <summary>
    /// The declared attributes the pseudonym is sent under: the key of a telemetry call it is an
    /// argument of, or the parameter of a generated wrapper (<c>StartX(patientId: …)</c>,
    /// <c>SetPatientId(…)</c>), directly or through one local.
    /// </summary>
    private static IEnumerable<string> Destinations(IInvocationOperation call, INamedTypeSymbol? pseudonym, KnownSymbols known, IdentifierSpaces spaces)
    {
        var value = Outermost(call);
        if (value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            var scope = OperationTree.EnclosingFunction(value) ?? OperationTree.Root(value);
            foreach (var reference in OperationTree.ReferencesOf(declarator.Symbol, scope))
            {
                if (Destination(Outermost(reference), pseudonym, known, spaces) is { } viaLocal)
                {
                    yield return viaLocal;
                }
            }
            yield break;
        }
        if (Destination(value, pseudonym, known, spaces) is { } direct)
        {
            yield return direct;
        }
    }

    /// <summary>The value as the enclosing expression sees it: through conversions, <c>.Value</c> and <c>ToString()</c>.</summary>
    private static IOperation Outermost(IOperation value)
    {
        while (true)
        {
            switch (value.Parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    value = value.Parent;
                    break;
                case IPropertyReferenceOperation { Property.Name: "Value" } property when property.Instance == value:
                    value = property;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } toString when toString.Instance == value:
                    value = toString;
                    break;
                default:
                    return value;
            }
        }
    }

    private static string? Destination(IOperation value, INamedTypeSymbol? pseudonym, KnownSymbols known, IdentifierSpaces spaces)
    {
        if (value.Parent is IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation invocation }
            && pseudonym is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, pseudonym)
            && spaces.ForWrapperParameter(invocation.TargetMethod, parameter) is { } wrapped)
        {
            return wrapped;
        }
        for (var ancestor = value.Parent; ancestor is not null and not IBlockOperation; ancestor = ancestor.Parent)
        {
            if (ancestor is not (IInvocationOperation or IObjectCreationOperation or ISimpleAssignmentOperation))
            {
                continue;
            }
            var sites = new List<TelemetrySite>();
            TelemetrySinks.Collect(ancestor, known, sites, new List<TelemetryName>());
            foreach (var site in sites)
            {
                if (site.KeyName is { } key && site.Value.Syntax.Span.Contains(value.Syntax.Span))
                {
                    return spaces.AttributeFor(key);
                }
            }
        }
        return null;
    }

    /// <summary>The pseudonymised attributes of the conventions and their domains.</summary>
    private sealed class IdentifierSpaces
    {
        private readonly TelemetryCompilation _compilation;
        private readonly Dictionary<string, string> _byWords = new(System.StringComparer.Ordinal);

        public IdentifierSpaces(TelemetryCompilation compilation)
        {
            _compilation = compilation;
            foreach (var name in compilation.Constants.Keys.OrderBy(n => n, System.StringComparer.Ordinal))
            {
                if (compilation.Conventions.Find(name)?.PseudonymDomain is not null)
                {
                    var words = string.Join(" ", NameWords.Split(name));
                    // Two attributes spelt with the same words cannot be told apart from a parameter name.
                    _byWords[words] = _byWords.ContainsKey(words) ? "" : name;
                }
            }
        }

        public string? DomainOf(string attribute) => _compilation.Conventions.Find(attribute)?.PseudonymDomain;

        /// <summary>A key or log placeholder: the attribute it names, or whose words it spells (<c>{PatientId}</c>).</summary>
        public string? AttributeFor(string key) =>
            DomainOf(key) is not null ? key : ByWords(key);

        /// <summary>
        /// A <c>Pseudonym</c> parameter of a generated wrapper is named after its attribute (<c>patientId</c>
        /// of <c>StartVisit</c>), and a setter after it too (<c>SetPatientId(value)</c>).
        /// </summary>
        public string? ForWrapperParameter(IMethodSymbol method, IParameterSymbol parameter)
        {
            method = method.ReducedFrom ?? method;
            // Read from the shape alone, so no type needs to be recognised: span starts, metric
            // recordings and log events are named Start…, Add, Record, Log…Event, never Set….
            return method.Name.StartsWith("Set", System.StringComparison.Ordinal) && method.Parameters.Length == 1
                ? ByWords(method.Name.Substring(3))
                : ByWords(parameter.Name);
        }

        private string? ByWords(string name) =>
            _byWords.TryGetValue(string.Join(" ", NameWords.Split(name)), out var attribute) && attribute.Length > 0 ? attribute : null;
    }
}
