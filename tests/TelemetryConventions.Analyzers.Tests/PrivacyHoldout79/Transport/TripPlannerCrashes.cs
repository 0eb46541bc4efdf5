namespace PrivacyHoldout79.Transport;

/// <summary>Thrown while re-running a crashed trip-plan request server-side; quotes the typed places.</summary>
public sealed class PlanReplayException(string from, string to) : Exception($"Could not re-plan '{from}' to '{to}'");

/// <summary>
/// Crash reports of the journey app's trip planner. Its breadcrumbs record the text typed into the
/// "from" and "to" boxes (<c>input</c> crumbs) and the screens opened (<c>navigation</c> crumbs,
/// screen names only).
/// </summary>
public sealed class TripPlannerCrashes(ILogger<TripPlannerCrashes> logger, ActivitySource source, Meter meter)
{
    private readonly Counter<long> _crashes = meter.CreateCounter<long>("transit.app.crashes");

    public void Accept(string batchId, CrashReport report)
    {
        using var span = source.StartRidepulseIngest(batchId);
        span.SetRidepulseAppVersion(report.Client.AppVersion);
        span.SetRidepulseOutcome(report.Fatal ? "crash:fatal" : "crash:handled"); // clean precision-about
        _crashes.Add(1, new KeyValuePair<string, object?>("fingerprint", report.Fingerprint), new("fatal", report.Fatal)); // clean precision-about

        var screens = report.Breadcrumbs.Where(b => b.Category == "navigation").Select(b => b.Message).ToList();
        span.Activity?.SetTag("crash.screens", string.Join(">", screens)); // clean precision-about
        var typed = report.Breadcrumbs.Where(b => b.Category == "input").Select(b => b.Message).ToList();
        span.Activity?.SetTag("crash.inputs.count", typed.Count); // clean precision-about
        logger.LogWarning("Trip planner crash {CrashId}, inputs {Inputs}", report.CrashId, typed); // leak TC1001 logging-objects
        span.SetRidepulseNote(string.Join(" → ", typed)); // leak TC1001 generated-api

        try
        {
            Replay(typed);
        }
        catch (PlanReplayException ex)
        {
            logger.LogError(ex, "Re-plan for crash {CrashId} failed", report.CrashId); // leak TC1001 exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.Activity?.SetTag("replan.error", ex.GetType().Name); // clean exceptions
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    private static void Replay(List<string> typed)
    {
        if (typed.Count >= 2)
        {
            throw new PlanReplayException(typed[^2], typed[^1]);
        }
        throw new TimeoutException("Journey planner did not answer within 5 s");
    }
}
