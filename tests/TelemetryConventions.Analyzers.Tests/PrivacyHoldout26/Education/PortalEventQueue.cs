using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Blazored.LocalStorage;
using Microsoft.Extensions.Logging;
using PrivacyHoldout26.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout26.Education;

/// <summary>A telemetry event kept in the browser's local storage until the portal is online again.</summary>
public sealed record QueuedPortalEvent(string Name, DateTimeOffset OccurredAt, Dictionary<string, string> Properties);

/// <summary>
/// Events the portal raises while offline (submissions made on the bus, pages read from the cache)
/// are kept in local storage and sent as span events when the connection comes back.
/// </summary>
public sealed class PortalEventQueue(ILocalStorageService storage, ILogger<PortalEventQueue> logger, Pseudonymizer pseudonymizer)
{
    private const string StorageKey = "portal.telemetry.queue";
    private static readonly ActivitySource Source = new("StudentPortal.Wasm");

    public async Task EnqueueAsync(string name, Dictionary<string, string> properties)
    {
        var queue = await storage.GetItemAsync<List<QueuedPortalEvent>>(StorageKey) ?? [];
        queue.Add(new QueuedPortalEvent(name, DateTimeOffset.UtcNow, properties));
        await storage.SetItemAsync(StorageKey, queue);
    }

    public Task AssignmentSubmittedOfflineAsync(PortalSession session, string assignmentId, int attachmentCount) =>
        EnqueueAsync("assignment.submitted", new()
        {
            ["assignment"] = assignmentId,
            ["student"] = session.StudentNumber,
            ["attachments"] = attachmentCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public Task CachedPageReadAsync(PortalSession session, string template) =>
        EnqueueAsync("page.read.offline", new()
        {
            ["template"] = template,
            ["learner"] = pseudonymizer.ComputeAppUserId(session.StudentNumber),
        });

    public async Task FlushAsync()
    {
        var pending = await storage.GetItemAsync<List<QueuedPortalEvent>>(StorageKey) ?? [];
        if (pending.Count == 0)
        {
            return;
        }

        using var activity = Source.StartActivity("portal.telemetry.flush");
        activity?.SetTag(AppAttributes.QueueDepth, pending.Count); // clean precision-about
        foreach (var item in pending)
        {
            var tags = new ActivityTagsCollection(item.Properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
            activity?.AddEvent(new ActivityEvent(item.Name, item.OccurredAt, tags)); // leak TC1001 logging-objects
        }

        var oldest = pending.Min(p => p.OccurredAt);
        logger.LogAppQueueFlushedEvent(pending.Count, $"ok, oldest {DateTimeOffset.UtcNow - oldest:hh\\:mm} old"); // clean generated-api
        logger.LogDebug("Flushed queue {Queue}", JsonSerializer.Serialize(pending)); // leak TC1001 logging-objects
        await storage.RemoveItemAsync(StorageKey);
    }
}
