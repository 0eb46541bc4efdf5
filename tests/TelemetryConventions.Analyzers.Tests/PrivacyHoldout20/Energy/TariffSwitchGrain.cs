using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Energy;

[GenerateSerializer]
public sealed class TariffSwitchState
{
    [Id(0)] public string CurrentTariff { get; set; } = "STD";

    [Id(1)] public string? PendingTariff { get; set; }

    [Id(2)] public string? ContactEmail { get; set; }
}

public interface ITariffSwitchGrain : IGrainWithStringKey
{
    Task ScheduleSwitchAsync(string newTariff, DateTimeOffset effectiveAt);
}

/// <summary>Keyed by the customer's account number; switches tariff on the effective date.</summary>
public sealed class TariffSwitchGrain(
    [PersistentState("switch", "tariffStore")] IPersistentState<TariffSwitchState> state,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<TariffSwitchGrain> logger) : Grain, ITariffSwitchGrain, IRemindable
{
    public async Task ScheduleSwitchAsync(string newTariff, DateTimeOffset effectiveAt)
    {
        var reminderName = $"switch-{GetPrimaryKeyString()}-{newTariff}";
        var reminder = await this.RegisterOrUpdateReminder(reminderName, effectiveAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        logger.LogInformation("Tariff switch reminder {Reminder} registered", reminder.ReminderName); // leak TC1001 strings
        Activity.Current?.SetTag("tariff.new", newTariff); // clean precision-names
        Activity.Current?.SetTag("tariff.days_until_switch", (effectiveAt - DateTimeOffset.UtcNow).Days);

        state.State.PendingTariff = newTariff;
        await state.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        using var step = source.StartWorkflowStep("TariffSwitch", "apply");
        step.Activity?.SetTag("orleans.reminder", reminderName); // leak TC1001 cross-member
        var tariff = reminderName[(reminderName.LastIndexOf('-') + 1)..];
        step.Activity?.SetTag("tariff.applied", tariff); // clean precision-about
        step.SetWorkflowPartyId(pseudonymizer.PseudonymizeWorkflowPartyId(GetPrimaryKeyString())); // clean precision-pseudonym

        if (state.State.ContactEmail is { } email)
        {
            step.SetWorkflowStatus($"confirmation to {email}"); // leak TC1001 generated-api
        }

        var cohort = MD5.HashData(Encoding.UTF8.GetBytes(GetPrimaryKeyString()))[0] % 10;
        step.Activity?.SetTag("tariff.cohort", cohort); // leak TC1002 hashes

        state.State.CurrentTariff = tariff;
        state.State.PendingTariff = null;
        await state.WriteStateAsync();
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
