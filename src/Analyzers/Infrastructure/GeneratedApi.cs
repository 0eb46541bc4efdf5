using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Recognises the generator's span and metric factories by their shape. The generated types live
/// in the project's own namespace (or in a referenced project, or are written by hand to the same
/// pattern), so neither a namespace nor the <c>// &lt;auto-generated/&gt;</c> marker identifies them:
/// the containing type's name, the method's name and what it returns do.
/// </summary>
internal sealed class GeneratedApi
{
    public const string SpansType = "TelemetrySpans";
    public const string MetricsType = "TelemetryMetrics";

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
        if (method is { IsStatic: true, ContainingType.Name: SpansType, ReturnType: INamedTypeSymbol { TypeKind: TypeKind.Struct } returned }
            && method.Name.StartsWith("Start", StringComparison.Ordinal)
            && IsDisposable(returned))
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
        if (Meter is null || method is not { IsStatic: true, ReturnsVoid: false, ContainingType.Name: MetricsType }
            || !method.Name.StartsWith("Create", StringComparison.Ordinal))
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
