using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC3003: code ends an activity it did not start. <c>Activity.Current</c> in a web service is
/// usually the span of ASP.NET Core, gRPC or HttpClient instrumentation; disposing or stopping it
/// (often by <c>using var activity = Activity.Current;</c>) ends the framework's span early, gives it
/// a wrong duration and makes its parent current for the rest of the request. Enriching it is what
/// was meant: <c>Activity.Current.Enrich…(…)</c> or a wrapper around it, neither of which ends it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForeignActivityEndedAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "TC3003";

    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        Id,
        "Activity the code did not start is ended",
        "'{0}' ends Activity.Current, which belongs to whoever started it (often the framework's request span); enrich it instead of ending it",
        RuleIds.UsageCategory,
        DiagnosticSeverity.Warning,
        "Activity.Current was started by other code, typically ASP.NET Core, gRPC or HttpClient instrumentation. Disposing or stopping it ends that span early. Set attributes on it with the generated Enrich… method (or a span wrapper around it), which never ends it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("System.Diagnostics.Activity") is not { } activity)
            {
                return;
            }
            start.RegisterOperationAction(c => AnalyzeCall(c, (IInvocationOperation)c.Operation, activity), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeUsing(c, activity), OperationKind.Using, OperationKind.UsingDeclaration);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation call, INamedTypeSymbol activity)
    {
        if (call.TargetMethod is not { Name: "Dispose" or "Stop", Parameters.Length: 0, IsStatic: false }
            || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, activity)
            || call.Instance is null)
        {
            return;
        }
        var access = call.Instance is IConditionalAccessInstanceOperation ? ConditionalAccess(call) : null;
        var instance = access is null ? call.Instance : access.Operation;
        if (IsCurrent(instance, activity))
        {
            var whole = access?.Syntax ?? call.Syntax;
            context.ReportDiagnostic(Diagnostic.Create(Rule, whole.GetLocation(), whole.ToString()));
        }
    }

    /// <summary>The <c>x?.Dispose()</c> around a call on a conditional receiver.</summary>
    private static IConditionalAccessOperation? ConditionalAccess(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access;
            }
        }
        return null;
    }

    private static void AnalyzeUsing(OperationAnalysisContext context, INamedTypeSymbol activity)
    {
        var resources = context.Operation switch
        {
            IUsingOperation usingStatement => usingStatement.Resources,
            IUsingDeclarationOperation declaration => declaration.DeclarationGroup,
            _ => null,
        };
        if (resources is null)
        {
            return;
        }
        var values = resources is IVariableDeclarationGroupOperation group
            ? group.Declarations.SelectMany(d => d.Declarators).Select(d => d.Initializer?.Value).Where(v => v is not null).Select(v => v!)
            : new[] { resources };
        foreach (var value in values)
        {
            if (IsCurrent(value, activity))
            {
                var shown = context.Operation.Syntax.ToString();
                context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), shown.Length > 60 ? shown.Substring(0, 57) + "..." : shown));
            }
        }
    }

    /// <summary><c>Activity.Current</c>, directly or through a local that only ever holds it.</summary>
    private static bool IsCurrent(IOperation value, INamedTypeSymbol activity)
    {
        value = OperationTree.Unwrap(value);
        if (value is IPropertyReferenceOperation { Property: { Name: "Current", IsStatic: true } property }
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, activity))
        {
            return true;
        }
        if (value is ILocalReferenceOperation local)
        {
            var writes = OperationTree.WritesOf(local.Local, OperationTree.Root(value));
            return writes.Count > 0 && writes.All(w => OperationTree.Unwrap(w) is IPropertyReferenceOperation { Property: { Name: "Current", IsStatic: true } current }
                && SymbolEqualityComparer.Default.Equals(current.ContainingType, activity));
        }
        return false;
    }
}
