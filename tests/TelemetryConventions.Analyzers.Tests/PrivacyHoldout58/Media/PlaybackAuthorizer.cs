using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Media;

/// <summary>
/// Issues playback licences. Refusals and bad arguments are recorded here and rethrown; the API's
/// <see cref="PlaybackErrorMiddleware"/> turns them into responses.
/// </summary>
public sealed class PlaybackAuthorizer(
    ISubscriberDirectory subscribers,
    ILicenseServer licenses,
    Pseudonymizer pseudonymizer,
    ILogger<PlaybackAuthorizer> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Streaming.Playback");

    private readonly ViewingDenialsCounter _denials = meter.CreateViewingDenialsCounter();

    public async Task<string> AuthorizeAsync(PlaybackRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartViewingPlaybackAuthorize(pseudonymizer.PseudonymizeViewingSubscriberId(request.SubscriberId.ToString()), request.TitleId); // clean precision-pseudonym
        try
        {
            PlaybackGuards.RequireDeviceClass(request.DeviceClass);
            span.SetViewingDeviceClass(request.DeviceClass); // clean direct
            var subscriber = await subscribers.GetAsync(request.SubscriberId, cancellationToken);
            var profile = PlaybackGuards.RequireProfile(subscriber, request.ProfileId);
            span.SetViewingProfileId(pseudonymizer.PseudonymizeViewingProfileId(profile.Id.ToString())); // clean precision-pseudonym
            return await licenses.IssueAsync(subscriber, profile, request.TitleId, cancellationToken);
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "deviceClass")
        {
            span.SetViewingErrorCode("PB-DEVICE").SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            _denials.Add(1, "PB-DEVICE");
            throw;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            span.SetViewingErrorCode("PB-PROFILE").RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.Activity?.SetTag("viewing.bad_argument", ex.ParamName); // clean precision-names
            span.Activity?.SetTag("viewing.bad_value", ex.ActualValue); // leak TC1001 cross-member
            logger.LogViewingPlaybackDeniedEvent(request.TitleId, "PB-PROFILE", viewingNote: $"{ex.ParamName} not on subscription"); // clean precision-names
            _denials.Add(1, "PB-PROFILE", request.DeviceClass); // clean precision-about
            throw;
        }
        catch (PlaybackDeniedException ex)
        {
            span.SetViewingErrorCode(ex.Code).RecordException(ex); // clean exceptions
            logger.LogViewingPlaybackDeniedEvent(request.TitleId, ex.Code, viewingNote: ex.Message); // leak TC1001 generated-api
            _denials.Add(1, ex.Code, request.DeviceClass); // clean precision-about
            if (ex is GeoBlockedException)
            {
                span.SetViewingNote(ex.Message); // clean generated-api
            }
            else if (ex is ConcurrencyLimitException concurrency)
            {
                span.SetViewingNote($"{concurrency.Active} of {concurrency.Allowed} streams"); // clean precision-about
                logger.LogWarning(ex, "Concurrency limit for title {TitleId}", request.TitleId); // leak TC1001 exceptions
            }
            else if (ex is EntitlementMissingException entitlement)
            {
                span.Activity?.SetTag(ViewingAttributes.SubscriberEmail, entitlement.Email); // leak TC1001 cross-member
                logger.LogInformation("No entitlement for {Request}", request); // leak TC1001 logging-objects
            }
            throw;
        }
    }
}
