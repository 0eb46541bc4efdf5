using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Recognises the generated API. The generated types live in the project's own namespace (or in a
/// referenced project, where no <c>// &lt;auto-generated/&gt;</c> marker is left to see), so what
/// identifies them is the <c>[GeneratedCode("TelemetryConventions", …)]</c> the generator puts on every
/// type it writes, on the type or a type containing it. The generator's type names
/// (<c>TelemetrySpans</c>, <c>TelemetryMetrics</c>, wrappers ending in <c>Counter</c>,
/// <c>Histogram</c> or <c>Gauge</c>) are only the fallback, for code written by hand to the same
/// pattern; the method's name and what it returns are checked either way.
/// </summary>
internal sealed class GeneratedApi
{
    public const string SpansType = "TelemetrySpans";
    public const string MetricsType = "TelemetryMetrics";

    /// <summary>The tool name in the generator's <c>[GeneratedCode]</c>.</summary>
    public const string GeneratorName = "TelemetryConventions";

    private GeneratedApi(Compilation compilation)
    {
        Meter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Meter");
    }

    public INamedTypeSymbol? Meter { get; }

    public static GeneratedApi Create(Compilation compilation) => new(compilation);

    /// <summary>
    /// <c>TelemetrySpans.Start…(…)</c> returning a struct that implements <see cref="IDisposable"/>:
    /// the wrapper whose <c>Dispose</c> ends the span.
    /// </summary>
    public static bool IsSpanStart(IMethodSymbol method, out INamedTypeSymbol span)
    {
        method = method.ReducedFrom ?? method;
        if (method is { IsStatic: true, ReturnType: INamedTypeSymbol { TypeKind: TypeKind.Struct } returned }
            && method.Name.StartsWith("Start", StringComparison.Ordinal)
            && IsDisposable(returned)
            && (IsMarked(method.ContainingType) || method.ContainingType.Name == SpansType))
        {
            span = returned;
            return true;
        }
        span = null!;
        return false;
    }

    /// <summary>
    /// <c>TelemetryMetrics.Create…(Meter)</c>: builds the .NET instrument in the wrapper's constructor,
    /// so every call makes a new instrument.
    /// </summary>
    public bool IsMetricFactory(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (Meter is null || method is not { IsStatic: true, ReturnsVoid: false }
            || !method.Name.StartsWith("Create", StringComparison.Ordinal)
            || !(IsMarked(method.ContainingType) || method.ContainingType.Name == MetricsType))
        {
            return false;
        }
        foreach (var parameter in method.Parameters)
        {
            if (KnownSymbols.Is(parameter.Type, Meter))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>[GeneratedCode("TelemetryConventions", …)]</c> on <paramref name="type"/> or a type containing it.
    /// A partial type's attributes are those of all its parts, so one marked part is enough.
    /// </summary>
    public static bool IsMarked(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }
        // Asked for the containing type of nearly every call: the attributes are read once per type.
        return MarkedTypes.For(type);
    }

    private static readonly TypeAnswers MarkedTypes = new(IsMarkedUncached);

    private static bool IsMarkedUncached(INamedTypeSymbol type)
    {
        for (; type is not null; type = type.ContainingType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is GeneratorName)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A metric wrapper's recording method (<c>Add</c>, <c>Record</c>, <c>AddFailure</c>,
    /// <c>RecordFailure</c>, an observable metric's <c>Measure</c>): its parameters after the value are
    /// metric tags. On a marked type the method's name says it; by hand, the type's name must too.
    /// </summary>
    public static bool IsMetricRecording(IMethodSymbol method) =>
        method.Name is "Add" or "Record" or "AddFailure" or "RecordFailure" or "Measure"
        && method.ContainingType is { } wrapper
        && (IsMarked(wrapper) || wrapper.Name.EndsWith("Counter", StringComparison.Ordinal) || wrapper.Name.EndsWith("Histogram", StringComparison.Ordinal) || wrapper.Name.EndsWith("Gauge", StringComparison.Ordinal));

    /// <summary>
    /// A pseudonymisation helper: it takes the raw identifier, which is what it is for. The generator
    /// marks each of its helpers with <c>[IdentifierSpace]</c>, and a marked type's method that takes the
    /// <c>Pseudonymizer</c> first is one too; by hand, a class named <c>…Pseudonyms</c>.
    /// </summary>
    public static bool IsPseudonymHelper(IMethodSymbol method, Func<ITypeSymbol?, bool> isPseudonymizer) =>
        HasIdentifierSpace(method)
        || (IsMarked(method.ContainingType) && method.Parameters.Length > 0 && isPseudonymizer(method.Parameters[0].Type))
        || method.ContainingType?.Name.EndsWith("Pseudonyms", StringComparison.Ordinal) == true;

    /// <summary>A method the generator marked with <c>[IdentifierSpace]</c>: one of the identifier-space pseudonymisation helpers.</summary>
    public static bool HasIdentifierSpace(IMethodSymbol method) =>
        (method.ReducedFrom ?? method).GetAttributes().Any(a =>
            a.AttributeClass is { Name: "IdentifierSpaceAttribute", ContainingNamespace: { Name: GeneratorName, ContainingNamespace.IsGlobalNamespace: true } });

    /// <summary>The meter a factory call creates its instrument on.</summary>
    public IOperation? MeterArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (KnownSymbols.Is(argument.Parameter?.Type, Meter))
            {
                return argument.Value;
            }
        }
        return null;
    }

    private static bool IsDisposable(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_IDisposable)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// The shape the usage rules (TC3xxx) share. Like <see cref="TelemetryAnalyzer"/> they skip generated
/// code and run concurrently, but they judge calls of the generated API by what happens to the
/// result, not telemetry sinks by the values they receive; and they need no conventions, since
/// the generated signatures already say everything the rules check.
/// </summary>
public abstract class GeneratedApiAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var api = GeneratedApi.Create(start.Compilation);
            start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, api, (IInvocationOperation)operationContext.Operation), OperationKind.Invocation);
        });
    }

    private protected abstract void AnalyzeInvocation(OperationAnalysisContext context, GeneratedApi api, IInvocationOperation invocation);
}
