using System;
using System.Diagnostics;
using System.Windows;
using System.Windows.Threading;
using Microsoft.Extensions.Logging;
using PrivacyHoldout26.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout26.Gaming;

/// <summary>The player signed in to the Lumen launcher.</summary>
public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Email, string Region, int FriendCount);

/// <summary>Holds the signed-in player for the launcher's services.</summary>
public sealed class PlayerSessionHolder
{
    public PlayerAccount? Current { get; set; }
}

/// <summary>A mod archive from a mirror failed its checksum.</summary>
public sealed class ModDownloadException(string modId, string mirror)
    : Exception($"Mod {modId} from mirror {mirror} failed its checksum");

/// <summary>Crash reporting of the Lumen desktop launcher (WPF).</summary>
public sealed class LauncherCrashReporting(ILogger<LauncherCrashReporting> logger, PlayerSessionHolder sessions, Pseudonymizer pseudonymizer)
{
    public IDisposable Init(string version) => SentrySdk.Init(options =>
    {
        options.Dsn = "https://0b7e11@o77.ingest.example.io/9";
        options.Release = $"lumen-launcher@{version}";
        options.IsGlobalModeEnabled = true;
        options.SetBeforeSend((evt, hint) =>
        {
            if (sessions.Current is { } player)
            {
                evt.SetTag("gamertag", player.Gamertag); // leak TC1001 cross-member
                evt.SetTag("region", player.Region); // clean precision-names
            }

            return evt;
        });
        options.SetBeforeBreadcrumb((crumb, hint) => crumb.Category == "http" ? null : crumb);
    });

    public void OnSignedIn(PlayerAccount player)
    {
        sessions.Current = player;
        SentrySdk.ConfigureScope(scope =>
        {
            scope.User = new SentryUser { Id = player.PlayerId.ToString(), Username = player.Gamertag }; // leak TC1001 direct
            scope.SetExtra("friends", player.FriendCount); // clean precision-about
        });
        Activity.Current?.SetBaggage("player.id", player.PlayerId.ToString()); // leak TC1001 direct
        logger.LogInformation("Signed in {PlayerRef} in {Region}", pseudonymizer.ComputeAppUserId(player.PlayerId.ToString()), player.Region); // clean precision-pseudonym
    }
}

/// <summary>The launcher application. Exceptions that reach the dispatcher come from mod downloads.</summary>
public sealed class LauncherApp(ILogger<LauncherApp> logger) : Application
{
    protected override void OnStartup(StartupEventArgs e)
    {
        DispatcherUnhandledException += OnDispatcherUnhandledException;
        base.OnStartup(e);
    }

    private void OnDispatcherUnhandledException(object sender, DispatcherUnhandledExceptionEventArgs e)
    {
        SentrySdk.CaptureException(e.Exception); // clean exceptions
        logger.LogError(e.Exception, "Launcher UI error"); // clean exceptions
        e.Handled = e.Exception is ModDownloadException;
    }
}
