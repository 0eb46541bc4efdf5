namespace PrivacyHoldout140.Support.TariffTrial;

// The shapes of an energy supplier's smart tariff home trial: households, arms, consumption feeds.

/// <summary>A household that applied. Prints the account number, MPAN, meter serial, full postcode and whether it has an EV and a heat pump.</summary>
public sealed record TrialHousehold(string AccountNumber, string Mpan, string MeterSerial, string Postcode, bool HasEv, bool HasHeatPump);

/// <summary>An arm assignment. Prints the trial, the arm and the cohort.</summary>
public sealed record TariffArmAssignment(string TrialCode, string Arm, string Cohort);

/// <summary>A day's half-hourly feed. Prints the batch id, the number of rows and the day.</summary>
public sealed record ConsumptionBatch(string BatchId, int Rows, DateOnly Day);

/// <summary>A trial household's incentive. Prints the account number, the amount and the month.</summary>
public sealed record BillCredit(string AccountNumber, decimal Amount, string Month);

public interface ITrialBilling
{
    Task ApplyCreditAsync(BillCredit credit, CancellationToken cancellationToken = default);
}

/// <summary>The meter cannot send half-hourly reads; the message quotes its serial.</summary>
public sealed class MeterNotSmartException(string meterSerial) : Exception($"Meter {meterSerial} is not a SMETS2 meter");

/// <summary>The trial's region is full; the message quotes the trial and the region.</summary>
public sealed class TrialRegionFullException(string trialCode, string region) : Exception($"Trial {trialCode} is full in {region}");
