using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.ApplicationModel.DataTransfer;
using Microsoft.Maui.Controls;
using Plugin.LocalNotification;
using Plugin.LocalNotification.EventArgs;
using PrivacyHoldout26.Telemetry;
using Sentry;

namespace PrivacyHoldout26.Transport;

/// <summary>
/// The ticket wallet of the rider app: the rider adds their travel card (typing or pasting its
/// number) and gets a local reminder before a season ticket expires.
/// </summary>
public sealed class TicketWalletViewModel : ObservableObject
{
    private readonly IClipboard _clipboard;
    private readonly INotificationService _notifications;
    private readonly ILogger<TicketWalletViewModel> _logger;
    private string _cardNumber = string.Empty;

    public TicketWalletViewModel(IClipboard clipboard, INotificationService notifications, ILogger<TicketWalletViewModel> logger)
    {
        _clipboard = clipboard;
        _notifications = notifications;
        _logger = logger;
        PasteCardCommand = new AsyncRelayCommand(PasteCardAsync);
        _notifications.NotificationActionTapped += OnReminderTapped;
    }

    public string CardNumber
    {
        get => _cardNumber;
        set => SetProperty(ref _cardNumber, value);
    }

    public IAsyncRelayCommand PasteCardCommand { get; }

    private async Task PasteCardAsync()
    {
        if (!_clipboard.HasText)
        {
            return;
        }

        var pasted = await _clipboard.GetTextAsync() ?? string.Empty;
        var digits = new string(pasted.Where(char.IsDigit).ToArray());
        _logger.LogDebug("Card number pasted: {Length} digits out of {Characters} characters", digits.Length, pasted.Length); // clean precision-about
        if (digits.Length != 16)
        {
            return;
        }

        CardNumber = digits;
        _logger.LogAppBreadcrumbEvent($"card {digits} added to the wallet", "wallet"); // leak TC1001 generated-api
        SentrySdk.ConfigureScope(scope => scope.SetTag("card_last4", digits[^4..])); // clean precision-about
        SentrySdk.ConfigureScope(scope => scope.SetTag("travel_card", digits)); // leak TC1001 direct
    }

    public async Task ScheduleExpiryReminderAsync(DateTime expiresAt)
    {
        var request = new NotificationRequest
        {
            NotificationId = 4000 + expiresAt.DayOfYear,
            Title = "Your season ticket expires soon",
            Description = $"The season ticket on card ending {CardNumber[^4..]} expires on {expiresAt:d}.",
            ReturningData = $"wallet?card={CardNumber}",
            Schedule = new NotificationRequestSchedule { NotifyTime = expiresAt.AddDays(-3) },
        };
        await _notifications.Show(request);
        _logger.LogInformation("Expiry reminder {Id}: {Description}", request.NotificationId, request.Description); // clean precision-about
    }

    private void OnReminderTapped(NotificationActionEventArgs e)
    {
        _logger.LogInformation("Opened from reminder, route {Route}", e.Request.ReturningData); // leak TC1001 cross-member
        _ = Shell.Current.GoToAsync(e.Request.ReturningData);
    }
}
