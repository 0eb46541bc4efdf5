using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// The shape every rule shares: skip generated code (the generator's own output and other
/// generators' are not the team's to fix), run concurrently, resolve the telemetry types once per
/// compilation, and look at each telemetry call once. A rule only says what it checks in a site
/// (a value going somewhere under a key) or a name (of a span, instrument or event).
/// </summary>
public abstract class TelemetryAnalyzer : DiagnosticAnalyzer
{
    [ThreadStatic]
    private static List<TelemetrySite>? t_sites;

    [ThreadStatic]
    private static List<TelemetryName>? t_names;

    private static readonly OperationKind[] Kinds = { OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Throw };

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.Create(start.Compilation);
            if (!known.HasAnySink)
            {
                return;
            }
            var compilation = new TelemetryCompilation(start.Compilation, start.Options, known, start.CancellationToken);
            if (!ShouldAnalyze(compilation))
            {
                return;
            }
            start.RegisterOperationAction(operationContext =>
            {
                // Almost no operation is a telemetry call: the lists are the thread's own, reused, so
                // that the common answer (nothing here) allocates nothing.
                var sites = t_sites ??= new List<TelemetrySite>();
                var names = t_names ??= new List<TelemetryName>();
                sites.Clear();
                names.Clear();
                TelemetrySinks.Collect(operationContext.Operation, known, sites, names);
                if (FollowsCalls && operationContext.Operation is IInvocationOperation invocation)
                {
                    compilation.Flow.AddSitesOfCall(invocation, sites, operationContext.CancellationToken);
                }
                else if (FollowsCalls && operationContext.Operation is IObjectCreationOperation creation)
                {
                    compilation.Flow.AddSitesOfCreation(creation, sites, operationContext.CancellationToken);
                }
                if (sites.Count == 0 && names.Count == 0)
                {
                    return;
                }
                foreach (var site in sites)
                {
                    AnalyzeSite(operationContext, compilation, site);
                }
                foreach (var name in names)
                {
                    AnalyzeName(operationContext, compilation, name);
                }
            }, Kinds);
        });
    }

    /// <summary>
    /// Whether the rule also judges the arguments of calls that reach telemetry on the callee's
    /// side: project helpers that forward a parameter to a sink, and the generated API.
    /// </summary>
    private protected virtual bool FollowsCalls => false;

    /// <summary>False when the rule has nothing to say about this compilation (no conventions, say).</summary>
    private protected virtual bool ShouldAnalyze(TelemetryCompilation compilation) => true;

    private protected virtual void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
    }

    private protected virtual void AnalyzeName(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetryName name)
    {
    }
}
