using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.IotHub;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Education;

/// <summary>Parental controls a parent sets in the companion app for a family's learning tablet.</summary>
public sealed record ParentalControls(TimeOnly Bedtime, int DailyMinutes, bool StoreLocked, string ContentRating);

/// <summary>
/// Pushes parental controls to the family's learning tablet through its device twin. The provisioning
/// service writes the household id, the parent's email and the child's first name into the twin's tags.
/// </summary>
public sealed class TabletControlsReconciler(
    IRegistryManager registry,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<TabletControlsReconciler> logger)
{
    private string? _lastTabletId;

    public async Task ApplyAsync(string tabletId, string model, ParentalControls controls, CancellationToken cancellationToken)
    {
        _lastTabletId = tabletId;
        using var activity = source.StartActivity("tablet.controls.apply", ActivityKind.Client);
        Activity.Current.EnrichIotCommand(model).SetIotCommandName("controls.apply").SetIotDeviceRef(pseudonymizer.PseudonymizeIotDeviceRef(tabletId)); // clean precision-pseudonym

        Twin twin;
        try
        {
            twin = await registry.GetTwinAsync(tabletId, cancellationToken);
        }
        catch (DeviceNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return;
        }

        activity?.SetTag("twin.version", twin.Version); // clean precision-about
        activity?.SetTag("twin.etag", twin.ETag); // clean precision-names
        activity?.SetTag("tablet.bedtime.reported", twin.Properties.Reported["bedtime"]?.ToString()); // clean precision-about
        logger.LogDebug("Twin tags before update: {Tags}", twin.Tags.ToJson()); // leak TC1001 logging-objects
        logger.LogDebug("Twin tag names: {TagNames}", string.Join(",", twin.Tags.Keys)); // clean precision-names

        var child = twin.Tags["childFirstName"]?.ToString() ?? "your child";
        var patch = TwinPatch.Desired(new { bedtime = controls.Bedtime.ToString("HH:mm"), dailyMinutes = controls.DailyMinutes, storeLocked = controls.StoreLocked, rating = controls.ContentRating });
        logger.LogDebug("Desired patch {Patch}", patch); // clean logging-objects
        await registry.UpdateTwinAsync(tabletId, patch, twin.ETag ?? "*", cancellationToken);
        activity?.AddEvent(new ActivityEvent("tablet.controls.updated", tags: new() { ["tablet.controls.daily_minutes"] = controls.DailyMinutes })); // clean precision-about
        logger.LogInformation("Bedtime {Bedtime} set for {Child}", controls.Bedtime, child); // leak TC1001 cross-member
    }

    public void ReportStuckUpdate(TimeSpan waited) =>
        logger.LogWarning("Controls update for tablet {TabletId} not acknowledged after {Waited}", _lastTabletId, waited); // leak TC1001 cross-member
}
