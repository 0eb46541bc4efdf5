using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout43.Energy;

/// <summary>
/// A registration on the supplier's priority services register: the needs codes the industry shares
/// (medical equipment, visual impairment, young children), a contact number, an optional nominated
/// password that field staff say on the doorstep, and consent to share with the network operator.
/// </summary>
public sealed record PsrRegistration(
    string AccountNumber,
    string Mpan,
    string ContactPhone,
    IReadOnlyList<int> NeedsCodes,
    string? NominatedPassword,
    bool ShareWithNetworkOperator,
    DateOnly? TemporaryUntil);

public sealed partial class PriorityServicesRegister(
    ILogger<PriorityServicesRegister> logger,
    Meter meter)
{
    private readonly Counter<long> _registrations = meter.CreateCounter<long>("psr.registrations", "{registration}");

    public void Register(PsrRegistration registration)
    {
        var activity = Activity.Current;
        activity?.SetTag("psr.needs_codes", string.Join(',', registration.NeedsCodes)); // clean precision-about
        activity?.SetTag("psr.temporary", registration.TemporaryUntil is not null); // clean precision-about

        foreach (var code in registration.NeedsCodes)
        {
            _registrations.Add(1, new KeyValuePair<string, object?>("needs_code", code)); // clean precision-about
        }

        logger.LogInformation("PSR registration for account {AccountNumber}: needs {Needs}", registration.AccountNumber, registration.NeedsCodes); // leak TC1001 direct
        logger.LogDebug("Password scheme set: {HasPassword}", registration.NominatedPassword is not null); // clean precision-about
        ContactNumberRecorded(logger, registration.ContactPhone); // clean direct
    }

    public void ShareWithNetworkOperator(PsrRegistration registration)
    {
        if (!registration.ShareWithNetworkOperator)
        {
            return;
        }

        var payload = JsonSerializer.Serialize(new { registration.Mpan, registration.NeedsCodes, registration.ContactPhone });
        var activity = Activity.Current;
        activity?.SetTag("psr.share.distributor", registration.Mpan[..2]); // clean precision-about
        activity?.SetTag("psr.share.payload", payload); // leak TC1001 logging-objects
        RegistrationShared(logger, registration.AccountNumber, "network-operator"); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "PSR contact number recorded: {ContactPhone}")]
    private static partial void ContactNumberRecorded(ILogger logger, [PrivateData] string contactPhone);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "PSR registration of {AccountNumber} shared with {Party}")]
    private static partial void RegistrationShared(ILogger logger, string accountNumber, string party);
}
