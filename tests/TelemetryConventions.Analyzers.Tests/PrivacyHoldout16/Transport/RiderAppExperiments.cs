using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout16.Support.OpenFeature;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Transport;

public sealed record RiderAccount(string AccountId, string Email, string TravelCardNumber, string ConcessionType);

/// <summary>Feature flags of the rider app, evaluated per rider account.</summary>
public sealed class RiderAppExperiments(IFeatureClient flags, Pseudonymizer pseudonymizer, ILogger<RiderAppExperiments> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Transit.RiderApp.Experiments");

    private readonly Counter<long> _banners = meter.CreateCounter<long>("rider.banner.shown", "{banner}");

    public async Task<bool> ShowFareCappingBannerAsync(RiderAccount rider)
    {
        const string flag = "fare-capping-banner";
        var context = EvaluationContext.Builder()
            .SetTargetingKey(rider.AccountId)
            .Set("concession", rider.ConcessionType)
            .Set("card", rider.TravelCardNumber)
            .Build();

        using var span = Source.StartExperimentEvaluation(flag);
        span.SetExperimentSubjectId(Pseudonym.FromComputed(rider.AccountId)); // leak TC1001 precision-pseudonym

        var details = await flags.GetBooleanDetailsAsync(flag, false, context);
        var variant = details.Variant ?? (details.Value ? "on" : "off");
        span.SetExperimentVariant(variant); // clean precision-about
        if (details.ErrorType != ErrorType.None)
        {
            span.SetStatus(ActivityStatusCode.Error, details.ErrorMessage); // clean exceptions
            logger.LogWarning("Flag {Flag} fell back to its default: {ErrorType}", details.FlagKey, details.ErrorType);
        }

        span.AddExperimentExposureEvent(flag, variant, pseudonymizer.PseudonymizeExperimentSubjectId(rider.AccountId)); // clean precision-pseudonym
        Baggage.SetBaggage("experiment." + flag, variant); // clean precision-about
        span.Activity?.SetTag("experiment.context", string.Join(",", context.Attributes.Select(a => $"{a.Key}={a.Value}"))); // leak TC1001 logging-objects
        span.Activity?.SetTag("experiment.context.keys", string.Join(",", context.Attributes.Keys)); // clean precision-names
        _banners.Add(1, new("variant", variant), new("concession", rider.ConcessionType)); // clean precision-about
        _banners.Add(1, new("variant", variant), new("rider", rider.AccountId)); // leak TC1003 direct
        return details.Value;
    }

    public async Task<string> TicketLayoutAsync(RiderAccount rider)
    {
        var context = EvaluationContext.Builder().SetTargetingKey(rider.AccountId).Set("email", rider.Email).Build();
        var layout = await flags.GetStringDetailsAsync("ticket-layout", "classic", context);
        using var scope = logger.BeginScope(context.AsDictionary()); // leak TC1001 logging-objects
        logger.LogInformation("Ticket layout {Layout} ({Reason})", layout.Value, layout.Reason); // clean precision-about
        Activity.Current?.SetTag(ExperimentAttributes.SubjectContact, rider.Email); // leak TC1001 generated-api
        return layout.Value;
    }
}
