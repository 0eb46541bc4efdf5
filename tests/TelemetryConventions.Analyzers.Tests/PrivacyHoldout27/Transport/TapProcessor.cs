using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Transport;

public interface IFareEngine
{
    /// <summary>The fare in minor units; throws <see cref="FareDisputeException"/> or <see cref="TariffTableException"/>.</summary>
    Task<int> PriceAsync(Tap tap, CancellationToken cancellationToken);

    Task<int?> CapReachedAsync(string cardNumber, CancellationToken cancellationToken);
}

public interface IHotlist
{
    Task<bool> IsListedAsync(string cardNumber, CancellationToken cancellationToken);
}

/// <summary>Handles taps forwarded by the validator gateway, one operator at a time.</summary>
public sealed class TapProcessor(IFareEngine fares, IHotlist hotlist, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.Taps");

    public async Task ProcessAsync(string operatorId, Tap tap, CancellationToken cancellationToken)
    {
        var validatorContext = new ActivityContext(ActivityTraceId.CreateFromString(tap.TraceId), ActivitySpanId.CreateFromString(tap.SpanId), ActivityTraceFlags.Recorded, isRemote: true);
        using var span = Source.StartTenancyWork(operatorId, "tap", links: new[] { new ActivityLink(validatorContext, new ActivityTagsCollection { ["fare.validator"] = tap.ValidatorId, ["fare.tap.sequence"] = tap.Sequence }) }); // clean direct
        span.SetTenancySubjectId(pseudonymizer.PseudonymizeTenancySubjectId(tap.CardNumber)); // clean generated-api
        var activity = span.Activity;
        if (activity is not null)
        {
            activity.DisplayName = $"tap {tap.StopId}"; // clean strings
        }

        using (var check = new HotlistCheckScope(activity, tap.CardNumber)) // leak TC1001 cross-member
        {
            check.Listed = await hotlist.IsListedAsync(tap.CardNumber, cancellationToken);
            if (check.Listed)
            {
                FareEventSource.Log.TapRejected(operatorId, tap.CardNumber, "hotlisted"); // leak TC1001 cross-member
                span.SetTenancyOutcome("rejected: hotlisted");
                return;
            }
        }

        try
        {
            int fare;
            using (new FareStageScope(activity, "price", tap.CardNumber[^4..])) // clean precision-about
            {
                fare = await fares.PriceAsync(tap, cancellationToken);
            }

            FareEventSource.Log.TapAccepted(operatorId, tap.StopId, fare); // clean direct
            if (await fares.CapReachedAsync(tap.CardNumber, cancellationToken) is { } cap)
            {
                FareEventSource.Log.CapReached(operatorId, tap.CardNumber[^4..], cap); // clean precision-about
            }
        }
        catch (FareDisputeException ex)
        {
            span.RecordException(ex, "fare disputed", includeMessage: true); // leak TC1001 exceptions
        }
        catch (TariffTableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    public void RepriceManually(Tap tap, string reason)
    {
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = $"reprice {tap.CardNumber}"; // leak TC1001 strings
        }
    }
}

/// <summary>The rider account API's tracing of account changes.</summary>
public sealed class RiderAccountTracing(Pseudonymizer pseudonymizer)
{
    public void EmailChanged(string newEmail)
    {
        var rider = RiderContext.Current!;
        var activity = Activity.Current;
        activity.EnrichTenancyWork(rider.OperatorId, "account.email.change");
        activity?.SetTag(TenancyAttributes.SubjectContact, newEmail); // leak TC1001 generated-api
        activity?.SetTag(TenancyAttributes.SubjectContact, pseudonymizer.Compute("rider.email", newEmail)); // leak TC1001 precision-pseudonym
        activity?.SetTag("rider.email.domain", newEmail[(newEmail.IndexOf('@') + 1)..]); // clean precision-about
    }
}
