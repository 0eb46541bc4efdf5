using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Input;
using System.Windows.Threading;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Devices;
using PrivacyHoldout26.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout26.Healthcare;

public sealed record KioskTerminal(string TerminalId, string Site);

public sealed record TodaysAppointment(string AppointmentId, string HospitalNumber, string ClinicCode, DateTimeOffset StartsAt, string MobileNumber);

public interface IArrivalsApi
{
    Task<TodaysAppointment?> FindTodayAsync(string familyName, DateOnly dateOfBirth, string postcode);

    Task<TodaysAppointment?> FindByReferenceAsync(string appointmentReference);

    Task<TodaysAppointment?> FindByNhsNumberAsync(string nhsNumber);

    Task MarkArrivedAsync(string appointmentId);
}

/// <summary>Thrown when the details typed at the kiosk match no appointment today.</summary>
public sealed class AppointmentLookupException(string familyName, DateOnly dateOfBirth)
    : Exception($"No appointment today for {familyName}, born {dateOfBirth:yyyy-MM-dd}");

/// <summary>
/// A USB barcode scanner in keyboard-wedge mode: it types the code and a carriage return. The kiosk
/// collects the characters of one code and raises <see cref="Scanned"/>.
/// </summary>
public sealed class KeyboardWedgeScanner
{
    private readonly StringBuilder _buffer = new();

    public event Action<string>? Scanned;

    public void OnPreviewTextInput(object sender, TextCompositionEventArgs e)
    {
        if (e.Text is "\r" or "\n")
        {
            var code = _buffer.ToString();
            _buffer.Clear();
            Scanned?.Invoke(code);
        }
        else
        {
            _buffer.Append(e.Text);
        }

        e.Handled = true;
    }
}

/// <summary>The outpatients self check-in kiosk (a trust-owned WPF kiosk in the waiting area).</summary>
public sealed class CheckInViewModel : ObservableObject
{
    public static readonly ActivitySource Source = new("Outpatients.Kiosk");

    private readonly IArrivalsApi _arrivals;
    private readonly ILogger<CheckInViewModel> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly KioskTerminal _terminal;
    private string _familyName = string.Empty;
    private string _postcode = string.Empty;
    private DateOnly? _dateOfBirth;

    public CheckInViewModel(IArrivalsApi arrivals, ILogger<CheckInViewModel> logger, Pseudonymizer pseudonymizer, KioskTerminal terminal, KeyboardWedgeScanner scanner)
    {
        _arrivals = arrivals;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _terminal = terminal;
        CheckInCommand = new AsyncRelayCommand(CheckInAsync, () => FamilyName.Length > 0 && DateOfBirth is not null);
        PropertyChanged += OnFieldChanged;
        scanner.Scanned += code => _ = OnScannedAsync(code);
    }

    public string FamilyName
    {
        get => _familyName;
        set => SetProperty(ref _familyName, value);
    }

    public DateOnly? DateOfBirth
    {
        get => _dateOfBirth;
        set => SetProperty(ref _dateOfBirth, value);
    }

    public string Postcode
    {
        get => _postcode;
        set => SetProperty(ref _postcode, value);
    }

    public IAsyncRelayCommand CheckInCommand { get; }

    private void OnFieldChanged(object? sender, PropertyChangedEventArgs e)
    {
        _logger.LogTrace("Kiosk field {Field} edited", e.PropertyName); // clean precision-names
        CheckInCommand.NotifyCanExecuteChanged();
    }

    private async Task CheckInAsync()
    {
        using var transaction = Source.StartKioskTransaction(_terminal.TerminalId);
        transaction.SetKioskSite(_terminal.Site);
        var appointment = await _arrivals.FindTodayAsync(FamilyName, DateOfBirth!.Value, Postcode)
            ?? throw new AppointmentLookupException(FamilyName, DateOfBirth.Value);
        await CompleteAsync(transaction, appointment);
        _logger.LogInformation("Checked in {AppointmentId} by typed details, postcode district {District}", appointment.AppointmentId, Postcode.Split(' ')[0]); // clean precision-about
    }

    private async Task OnScannedAsync(string code)
    {
        var kind = code.StartsWith("APT-", StringComparison.Ordinal) ? "letter" : "nhs-app";
        _logger.LogInformation("Kiosk scan of kind {Kind}, {Length} characters", kind, code.Length);
        using var transaction = Source.StartKioskTransaction(_terminal.TerminalId);
        if (kind == "letter")
        {
            transaction.Activity?.SetTag("kiosk.appointment.reference", code); // clean precision-names
            var byLetter = await _arrivals.FindByReferenceAsync(code);
            if (byLetter is not null)
            {
                await CompleteAsync(transaction, byLetter);
            }

            return;
        }

        _logger.LogDebug("NHS App code {Code} scanned", code); // leak TC1001 precision-names
        var byNhsNumber = await _arrivals.FindByNhsNumberAsync(code);
        if (byNhsNumber is null)
        {
            transaction.AddKioskScanRejectedEvent("qr", "no appointment today"); // clean generated-api
            return;
        }

        await CompleteAsync(transaction, byNhsNumber);
    }

    private async Task CompleteAsync(KioskTransactionSpan transaction, TodaysAppointment appointment)
    {
        await _arrivals.MarkArrivedAsync(appointment.AppointmentId);
        transaction.SetKioskVisitorId(_pseudonymizer.PseudonymizeKioskVisitorId(appointment.HospitalNumber)); // clean generated-api
        transaction.SetKioskNote($"arrived for {appointment.ClinicCode} at {appointment.StartsAt:t}"); // clean generated-api
        Activity.Current?.SetTag(KioskAttributes.VisitorContact, appointment.MobileNumber); // leak TC1001 generated-api
    }
}

/// <summary>The kiosk application: shows a help screen instead of crashing.</summary>
public sealed class CheckInKioskApp(ILogger<CheckInKioskApp> logger, IDeviceInfo kiosk, KioskTerminal terminal) : Application
{
    protected override void OnStartup(StartupEventArgs e)
    {
        DispatcherUnhandledException += OnDispatcherUnhandledException;
        logger.LogInformation("Kiosk {KioskName} ({Terminal}) started with arguments {Args}", kiosk.Name, terminal.TerminalId, string.Join(' ', e.Args)); // clean precision-names
        base.OnStartup(e);
    }

    private void OnDispatcherUnhandledException(object sender, DispatcherUnhandledExceptionEventArgs e)
    {
        logger.LogError(e.Exception, "Kiosk screen failed, showing the help screen"); // leak TC1001 exceptions
        Activity.Current?.SetTag("kiosk.error.type", e.Exception.GetType().Name);
        e.Handled = true;
    }
}
