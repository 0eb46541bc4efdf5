using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Media;

public sealed record LinkDeviceRequest(string PairingCode, string Login, string Msisdn, string DeviceModel, string DeviceName);

public sealed record LinkedDevice(string DeviceId, string OwnerRef, string Model);

public interface IDeviceRegistry
{
    Task<LinkedDevice?> LinkAsync(LinkDeviceRequest request, CancellationToken cancellationToken);
}

/// <summary>TV sign-in: the viewer types the code shown on the TV into the phone app.</summary>
public sealed class DeviceLinkingService(IDeviceRegistry registry, Pseudonymizer pseudonymizer, Meter meter, ILogger<DeviceLinkingService> logger)
{
    private static readonly ActivitySource Source = new("Stream.DeviceLinking");

    public async Task<LinkedDevice?> LinkAsync(LinkDeviceRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("stream.device.link");
        activity?.SetTag("stream.device.model", request.DeviceModel);
        activity?.SetTag("stream.device.login", request.Login); // leak TC1001 precision-names
        activity?.SetTag("stream.device.msisdn", request.Msisdn); // leak TC1001 precision-names

        var linked = await registry.LinkAsync(request, cancellationToken);
        if (linked is null)
        {
            logger.LogWarning("Pairing code expired for {Login}", request.Login); // leak TC1001 precision-names
            return null;
        }

        activity?.SetTag("stream.device.id", linked.DeviceId); // clean precision-names
        // The registry returns the subscriber's account id as the owner reference.
        activity?.SetTag("stream.device.owner", linked.OwnerRef); // leak TC1001 precision-names
        var owner = Pseudonym.FromComputed(linked.OwnerRef);
        using var firstPlayback = Source.StartStreamPlayback(owner, spanName: "stream.device.first_playback"); // leak TC1001 generated-api
        firstPlayback.SetStreamPlaybackNote($"linked {linked.Model}"); // clean generated-api
        firstPlayback.SetStreamPlaybackNote($"linked {linked.Model} for {request.Msisdn}"); // leak TC1001 generated-api
        meter.CreateStreamPlaybackStartsCounter().Add(1, streamTitleId: "pairing-trailer"); // clean generated-api
        logger.LogStreamPlaybackStalledEvent(owner, streamTitleId: "pairing-trailer"); // leak TC1001 generated-api
        return linked;
    }

    public void ResumeOnDevice(string subscriberId, LinkedDevice device, string titleId)
    {
        using var playback = Source.StartStreamPlayback(pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId), spanName: "stream.device.resume") // clean generated-api
            .SetStreamTitleId(titleId); // clean generated-api
        playback.Activity?.SetTag("stream.device.id", device.DeviceId); // clean precision-names
        logger.LogInformation("Resumed {TitleId} on a {Model}", titleId, device.Model);
    }
}
