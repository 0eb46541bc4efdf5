using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Controls;
using Plugin.LocalNotification;
using Plugin.LocalNotification.EventArgs;
using PrivacyHoldout26.Telemetry;

namespace PrivacyHoldout26.Gaming;

/// <summary>
/// Navigation of the Lumen companion app (MAUI). Its routes are <c>//home</c>,
/// <c>profile?gamertag=…</c>, <c>match?matchId=…</c> and <c>party?partyId=…</c>.
/// </summary>
public sealed class CompanionNavigation
{
    private static readonly ActivitySource Source = new("Lumen.Companion");

    private readonly ILogger<CompanionNavigation> _logger;
    private readonly INotificationService _notifications;
    private AppScreenViewSpan _screen;

    public CompanionNavigation(ILogger<CompanionNavigation> logger, INotificationService notifications)
    {
        _logger = logger;
        _notifications = notifications;
        Shell.Current.Navigated += OnNavigated;
        notifications.NotificationReceived += OnNotificationReceived;
        notifications.NotificationActionTapped += OnNotificationTapped;
    }

    public Task OpenProfileAsync(string gamertag)
    {
        Activity.Current?.AddAppBreadcrumbEvent($"opened the profile of {gamertag}", "friends"); // leak TC1001 generated-api
        return Shell.Current.GoToAsync($"profile?gamertag={Uri.EscapeDataString(gamertag)}");
    }

    public Task OpenMatchAsync(string matchId) => Shell.Current.GoToAsync($"match?matchId={matchId}");

    public Task ShowPartyInviteAsync(string inviterGamertag, string partyId, int notificationId) =>
        _notifications.Show(new NotificationRequest
        {
            NotificationId = notificationId,
            Title = "Party invite",
            Description = $"{inviterGamertag} invited you to their party",
            ReturningData = $"party?partyId={partyId}",
        });

    private void OnNavigated(object? sender, ShellNavigatedEventArgs e)
    {
        var location = e.Current.Location.OriginalString;
        var route = location.Split('?')[0].TrimStart('/');
        _screen.Dispose();
        _screen = Source.StartAppScreenView(route); // clean strings
        _logger.LogInformation("Companion navigated to {Location} ({Source})", location, e.Source); // leak TC1001 direct
    }

    private void OnNotificationReceived(NotificationEventArgs e)
    {
        _logger.LogInformation("Notification shown: {Text}", e.Request.Description); // leak TC1001 cross-member
    }

    private void OnNotificationTapped(NotificationActionEventArgs e)
    {
        _logger.LogInformation("Notification {Id} tapped, opening {Route}", e.Request.NotificationId, e.Request.ReturningData); // clean precision-names
        _ = Shell.Current.GoToAsync(e.Request.ReturningData);
    }
}
