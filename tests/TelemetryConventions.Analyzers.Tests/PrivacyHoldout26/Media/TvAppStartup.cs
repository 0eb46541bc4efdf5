using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.ApplicationModel;
using Microsoft.Maui.Devices;
using Microsoft.Maui.Storage;
using PrivacyHoldout26.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout26.Media;

/// <summary>A viewing profile of the subscriber's household.</summary>
public sealed record ViewingProfile(string ProfileId, string Name, bool IsKids);

/// <summary>
/// Start-up of the Streamline TV app (MAUI on the subscriber's own television): an installation id
/// generated on first run, device context for crash reports, and the profile picker.
/// </summary>
public sealed class TvAppStartup(
    IPreferences preferences,
    IDeviceInfo device,
    IAppInfo app,
    ILogger<TvAppStartup> logger,
    Pseudonymizer pseudonymizer)
{
    public void Start()
    {
        var installationId = preferences.Get("installation_id", string.Empty);
        if (installationId.Length == 0)
        {
            installationId = Guid.NewGuid().ToString("N");
            preferences.Set("installation_id", installationId);
        }

        logger.LogInformation("Streamline TV {Version} on {Manufacturer} {Model}, {Platform} {Os}", app.VersionString, device.Manufacturer, device.Model, device.Platform, device.VersionString); // clean precision-about
        logger.LogInformation("UI locale {Locale}", CultureInfo.CurrentUICulture.Name); // clean precision-names
        SentrySdk.ConfigureScope(scope =>
        {
            scope.SetTag("installation", installationId); // leak TC1001 direct
            scope.SetTag("tv.model", device.Model); // clean precision-names
        });
        Activity.Current?.SetTag("tv.installation.sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(installationId)))); // leak TC1002 hashes
        Activity.Current?.SetTag("tv.device.name", device.Name); // leak TC1001 precision-names
        logger.LogInformation("Installation {Installation}", pseudonymizer.Pseudonymize("tv.installation", installationId)); // clean precision-pseudonym
    }

    public void ProfileSelected(ViewingProfile profile)
    {
        SentrySdk.ConfigureScope(scope => scope.SetTag("profile.kids", profile.IsKids ? "1" : "0")); // clean precision-about
        SentrySdk.AddBreadcrumb($"profile {profile.Name} selected", "profiles"); // leak TC1001 strings
        Activity.Current?.SetTag(AppAttributes.UserId, Pseudonym.FromComputed(profile.ProfileId).Value); // leak TC1001 precision-pseudonym
    }
}
