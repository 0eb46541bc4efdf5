using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyHoldout59.Media;

public sealed class PlaybackErrorOptions
{
    /// <summary>Adds exception messages to the span; switched on per environment.</summary>
    public bool IncludeMessages { get; set; }

    /// <summary>Copies <see cref="Exception.Data"/> onto the span as <c>error.data.*</c>.</summary>
    public bool IncludeData { get; set; } = true;

    public string Environment { get; set; } = "prod";
}

public sealed class LicenceDeniedException(string titleId, string reason) : Exception($"Licence for {titleId} denied: {reason}")
{
    public string Reason { get; } = reason;
}

public sealed class ConcurrentStreamsException(string subscriberEmail, int limit)
    : Exception($"{subscriberEmail} is already streaming on {limit} devices");

/// <summary>Reports playback start failures with the detail the environment allows.</summary>
public sealed class PlaybackErrorReporter(IOptionsMonitor<PlaybackErrorOptions> options, ILogger<PlaybackErrorReporter> logger)
{
    public void Report(Activity? activity, Exception error, string sessionId, Guid subscriberId, string deviceClass)
    {
        var o = options.CurrentValue;
        activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name); // clean exceptions
        activity?.SetTag("error.type", error.GetType().FullName); // clean exceptions
        activity?.SetTag($"error.{o.Environment}.session", sessionId); // clean precision-about
        activity?.SetTag($"error.{o.Environment}.device_class", deviceClass); // clean precision-about
        activity?.SetTag($"error.subscriber.{subscriberId:N}", true); // leak TC1001 strings
        activity?.SetTag($"error.{deviceClass}.{subscriberId.ToString()[..8]}", 1); // leak TC1001 strings

        if (o.IncludeMessages)
        {
            activity?.SetTag("error.message", error.Message); // leak TC1001 exceptions
        }
        if (o.IncludeData)
        {
            foreach (DictionaryEntry entry in error.Data) activity?.SetTag("error.data." + entry.Key, entry.Value); // leak TC1001 exceptions
            activity?.SetTag("error.data.keys", string.Join(",", error.Data.Keys.Cast<object>())); // clean precision-names
        }

        switch (error)
        {
            case LicenceDeniedException denied:
                activity?.SetTag("error.licence.reason", denied.Reason); // clean exceptions
                logger.LogWarning(denied, "Licence denied for session {SessionId}", sessionId); // clean exceptions
                break;
            case ConcurrentStreamsException streams:
                logger.LogWarning(streams, "Stream limit reached for session {SessionId}", sessionId); // leak TC1001 exceptions
                logger.LogWarning("Stream limit reached: {Type}", streams.GetType().Name); // clean exceptions
                break;
        }
    }

    /// <summary>The player service adds what it knows to the exception before it reaches the reporter.</summary>
    public static Exception Annotate(Exception error, string titleId, string cdn, string subscriberEmail)
    {
        error.Data["title"] = titleId;
        error.Data["cdn"] = cdn;
        error.Data["subscriber_email"] = subscriberEmail;
        return error;
    }
}

public interface ILicenceClient
{
    string Acquire(string titleId, Guid subscriberId, string deviceClass);
}

public sealed class PlaybackStartHandler(ILicenceClient licences, PlaybackErrorReporter reporter, ILogger<PlaybackStartHandler> logger)
{
    private static readonly ActivitySource Source = new("Qoe.Playback");

    public string? Start(string sessionId, string titleId, string cdn, Guid subscriberId, string subscriberEmail, string deviceClass)
    {
        using var activity = Source.StartActivity("qoe.playback.start");
        try
        {
            return licences.Acquire(titleId, subscriberId, deviceClass);
        }
        catch (Exception ex) when (ex is LicenceDeniedException or ConcurrentStreamsException)
        {
            reporter.Report(activity, PlaybackErrorReporter.Annotate(ex, titleId, cdn, subscriberEmail), sessionId, subscriberId, deviceClass); // leak TC1001 cross-member
            logger.LogInformation("Playback of {TitleId} refused on {Cdn}", titleId, cdn); // clean precision-about
            return null;
        }
    }
}
