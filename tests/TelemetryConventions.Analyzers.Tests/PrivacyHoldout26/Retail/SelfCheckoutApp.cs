using System;
using System.Diagnostics;
using System.Windows;
using System.Windows.Threading;
using Microsoft.Extensions.Logging;
using Sentry;

namespace PrivacyHoldout26.Retail;

/// <summary>The store colleague who supervises a bank of self-checkouts.</summary>
public sealed record Attendant(string StaffNumber, string Name);

/// <summary>The card terminal declined or timed out; names the terminal and the response code.</summary>
public sealed class PaymentTerminalException(string terminalId, string responseCode)
    : Exception($"Terminal {terminalId} answered {responseCode}")
{
    public string ResponseCode { get; } = responseCode;
}

/// <summary>
/// The self-checkout kiosk application (WPF): crash reporting with the store and till as tags, the
/// attendant who signs in on the kiosk, and age-restricted item approvals. The exceptions its screens
/// let reach the dispatcher are the card terminal's <see cref="PaymentTerminalException"/> and the
/// framework's own.
/// </summary>
public sealed class SelfCheckoutApp(ILogger<SelfCheckoutApp> logger, TillContext till) : Application
{
    protected override void OnStartup(StartupEventArgs e)
    {
        SentrySdk.Init(options =>
        {
            options.Dsn = "https://5c1d@o12.ingest.example.io/44";
            options.SendDefaultPii = false;
            options.Release = "self-checkout@7.2.0";
        });
        SentrySdk.ConfigureScope(scope =>
        {
            scope.SetTag("store", till.StoreId); // clean precision-names
            scope.SetTag("till", till.TillId); // clean precision-names
        });
        DispatcherUnhandledException += OnDispatcherUnhandledException;
        base.OnStartup(e);
    }

    public void AttendantSignedIn(Attendant attendant)
    {
        SentrySdk.ConfigureScope(scope => scope.User = new SentryUser { Id = attendant.StaffNumber, Username = attendant.Name }); // leak TC1001 direct
        logger.LogInformation("Attendant signed in on {Till}", till.TillId);
    }

    public void AgeCheckApproved(Attendant attendant, string gtin)
    {
        SentrySdk.CaptureMessage($"Age check for {gtin} approved by {attendant.StaffNumber}", SentryLevel.Info); // leak TC1001 strings
        Activity.Current?.SetTag("pos.age_check.item", gtin); // clean precision-names
    }

    private void OnDispatcherUnhandledException(object sender, DispatcherUnhandledExceptionEventArgs e)
    {
        SentrySdk.CaptureException(e.Exception); // clean exceptions
        logger.LogError(e.Exception, "Self-checkout screen failed"); // clean exceptions
        e.Handled = e.Exception is PaymentTerminalException;
    }
}
