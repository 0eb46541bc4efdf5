using System;
using System.Diagnostics;

namespace PrivacyHoldout27.Transport;

/// <summary>
/// The activity listener of the fare platform: it stamps every span with the operator and the
/// rider in context, names spans after the operator, and writes failed spans to the trace log
/// that the operators' support desks read.
/// </summary>
public static class OperatorTelemetry
{
    public static ActivityListener Create() => new()
    {
        ShouldListenTo = source => source.Name.StartsWith("Transit.", StringComparison.Ordinal),
        Sample = static (ref ActivityCreationOptions<ActivityContext> options) =>
            options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.AllData,
        ActivityStarted = activity =>
        {
            if (RiderContext.Current is not { } rider)
            {
                return;
            }

            activity.DisplayName = $"{activity.OperationName} [{rider.OperatorId}]"; // clean strings
            activity.SetTag("rider.ref", rider.RiderRef); // clean precision-pseudonym
            activity.SetTag("rider.concession", rider.Concession); // clean precision-names
        },
        ActivityStopped = activity =>
        {
            if (activity.Status != ActivityStatusCode.Error)
            {
                return;
            }

            var rider = RiderContext.Current;
            Trace.TraceWarning("{0} failed for operator {1}", activity.OperationName, rider?.OperatorId); // clean direct
            if (rider?.Email is { } email)
            {
                Trace.TraceWarning("{0} failed for rider {1}", activity.OperationName, email); // leak TC1001 cross-member
            }
        },
    };
}
