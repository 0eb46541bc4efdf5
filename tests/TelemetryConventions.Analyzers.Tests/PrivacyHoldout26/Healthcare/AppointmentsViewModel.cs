using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Controls;
using Plugin.LocalNotification;
using Plugin.LocalNotification.EventArgs;
using PrivacyHoldout26.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout26.Healthcare;

public sealed record AppointmentSummary(string AppointmentId, string ClinicCode, DateTimeOffset StartsAt, string ClinicianName);

public sealed record OpenSlot(string SlotId, string ClinicCode, DateTimeOffset StartsAt);

public interface IAppointmentsApi
{
    Task<IReadOnlyList<AppointmentSummary>> GetUpcomingAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<OpenSlot>> GetOpenSlotsAsync(string clinicCode, CancellationToken cancellationToken);

    Task BookAsync(string hospitalNumber, string slotId, CancellationToken cancellationToken);
}

/// <summary>Thrown by the API client when someone else took the slot first.</summary>
public sealed class SlotUnavailableException(string slotId, string clinicCode)
    : Exception($"Slot {slotId} at clinic {clinicCode} is no longer available")
{
    public string SlotId { get; } = slotId;
}

/// <summary>The appointments screen of the MyClinic app, opened as <c>appointments?mrn=…</c>.</summary>
public sealed class AppointmentsViewModel : ObservableObject, IQueryAttributable
{
    private readonly IAppointmentsApi _api;
    private readonly ILogger<AppointmentsViewModel> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly INotificationService _notifications;
    private readonly Counter<long> _bookings;
    private string _hospitalNumber = string.Empty;
    private string _givenName = string.Empty;
    private OpenSlot? _selectedSlot;
    private bool _isBusy;

    public AppointmentsViewModel(
        IAppointmentsApi api,
        ILogger<AppointmentsViewModel> logger,
        Pseudonymizer pseudonymizer,
        INotificationService notifications,
        IMeterFactory meters)
    {
        _api = api;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _notifications = notifications;
        _bookings = meters.Create("MyClinic.App").CreateCounter<long>("myclinic.bookings", "{booking}");
        RefreshCommand = new AsyncRelayCommand(RefreshAsync);
        BookCommand = new AsyncRelayCommand(BookAsync, () => SelectedSlot is not null && !IsBusy, AsyncRelayCommandOptions.FlowExceptionsToTaskScheduler);
        OpenCommand = new AsyncRelayCommand<AppointmentSummary>(OpenAsync);
        _notifications.NotificationActionTapped += OnReminderTapped;
    }

    public ObservableCollection<AppointmentSummary> Upcoming { get; } = new();

    public ObservableCollection<OpenSlot> Slots { get; } = new();

    public IAsyncRelayCommand RefreshCommand { get; }

    public IAsyncRelayCommand BookCommand { get; }

    public IAsyncRelayCommand<AppointmentSummary> OpenCommand { get; }

    public OpenSlot? SelectedSlot
    {
        get => _selectedSlot;
        set
        {
            if (SetProperty(ref _selectedSlot, value))
            {
                BookCommand.NotifyCanExecuteChanged();
            }
        }
    }

    public bool IsBusy
    {
        get => _isBusy;
        private set => SetProperty(ref _isBusy, value);
    }

    public void ApplyQueryAttributes(IDictionary<string, object> query)
    {
        _hospitalNumber = query.TryGetValue("mrn", out var mrn) ? (string)mrn : string.Empty;
        _givenName = query.TryGetValue("given", out var given) ? (string)given : string.Empty;
        _logger.LogDebug("Appointments opened with {Count} query parameters ({Keys})", query.Count, string.Join(",", query.Keys)); // clean precision-about
        System.Diagnostics.Activity.Current?.SetTag("myclinic.query", string.Join("&", query.Select(p => $"{p.Key}={p.Value}"))); // leak TC1001 strings
    }

    private async Task RefreshAsync()
    {
        using var view = MyClinicDiagnostics.Source.StartAppScreenView("appointments");
        view.SetAppUserId(_pseudonymizer.PseudonymizeAppUserId(_hospitalNumber)); // clean generated-api
        try
        {
            var upcoming = await _api.GetUpcomingAsync(_hospitalNumber, CancellationToken.None);
            Upcoming.Clear();
            foreach (var appointment in upcoming)
            {
                Upcoming.Add(appointment);
            }

            view.SetAppNote($"{upcoming.Count} upcoming, next with {upcoming.FirstOrDefault()?.ClinicianName}"); // leak TC1001 generated-api
        }
        catch (HttpRequestException ex)
        {
            view.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    private async Task OpenAsync(AppointmentSummary? appointment)
    {
        if (appointment is null)
        {
            return;
        }

        var route = $"appointment?appointmentId={appointment.AppointmentId}&mrn={_hospitalNumber}";
        SentrySdk.AddBreadcrumb(route, "navigation", "navigation"); // leak TC1001 strings
        _logger.LogInformation("Opening appointment {AppointmentId} at clinic {Clinic}", appointment.AppointmentId, appointment.ClinicCode);
        await Shell.Current.GoToAsync(route);
    }

    private async Task BookAsync()
    {
        var slot = SelectedSlot!;
        IsBusy = true;
        try
        {
            await _api.BookAsync(_hospitalNumber, slot.SlotId, CancellationToken.None);
            _bookings.Add(1, new KeyValuePair<string, object?>("myclinic.clinic", slot.ClinicCode), new KeyValuePair<string, object?>("myclinic.patient", _pseudonymizer.ComputeAppUserId(_hospitalNumber))); // leak TC1003 precision-pseudonym

            var reminder = new NotificationRequest
            {
                NotificationId = Math.Abs(slot.SlotId.GetHashCode()) % 100_000,
                Title = "Appointment tomorrow",
                Description = $"{_givenName}, your appointment at {slot.ClinicCode} is at {slot.StartsAt:HH:mm} tomorrow.",
                ReturningData = $"appointment?slotId={slot.SlotId}",
                Schedule = new NotificationRequestSchedule { NotifyTime = slot.StartsAt.LocalDateTime.AddDays(-1) },
            };
            await _notifications.Show(reminder);
            _logger.LogInformation("Reminder {NotificationId} scheduled for {NotifyTime}", reminder.NotificationId, reminder.Schedule.NotifyTime); // clean hashes
        }
        finally
        {
            IsBusy = false;
        }
    }

    private void OnReminderTapped(NotificationActionEventArgs e)
    {
        _logger.LogInformation("Reminder tapped, opening {Route}", e.Request.ReturningData); // clean precision-names
        _ = Shell.Current.GoToAsync(e.Request.ReturningData);
    }
}
