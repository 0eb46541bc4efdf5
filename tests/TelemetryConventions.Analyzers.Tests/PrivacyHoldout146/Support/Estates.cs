namespace LifeEvents.Estates;

// An energy supplier's bereavement team: the accounts of customers who died, their meters, executors and final bills.

/// <summary>The account of a customer who died. Prints account number, holder's name, supply postcode, meter serial, MPAN, fuel and balance.</summary>
public sealed record DeceasedAccount(string AccountNumber, string HolderName, string SupplyPostcode, string MeterSerial, string Mpan, string Fuel, decimal Balance);

/// <summary>Whoever deals with the estate. Prints executor record id, name, email, phone and role.</summary>
public sealed record Executor(string ExecutorRecordId, string Name, string Email, string Phone, string Role);

/// <summary>A final meter reading. Prints reading id, meter serial, value, date and source.</summary>
public sealed record FinalReading(string ReadingId, string MeterSerial, decimal Value, DateOnly ReadOn, string Source);

/// <summary>An account closed or moved. Prints closure id, region, final balance and whether a refund is due.</summary>
public sealed record ClosureResult(string ClosureId, string Region, decimal FinalBalance, bool RefundDue);

/// <summary>A tariff. Prints code, fuel and whether it is prepaid.</summary>
public sealed record TariffInfo(string TariffCode, string Fuel, bool Prepayment);

public interface IEstateAccounts
{
    Task<DeceasedAccount?> MatchAsync(string name, string postcode, CancellationToken cancellationToken = default);

    Task<DeceasedAccount> GetAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<FinalReading> FinalReadingAsync(string meterSerial, CancellationToken cancellationToken = default);

    Task<ClosureResult> CloseAsync(string accountNumber, FinalReading reading, CancellationToken cancellationToken = default);

    Task<ClosureResult> TransferAsync(string accountNumber, string newOccupierName, CancellationToken cancellationToken = default);

    Task<TariffInfo> TariffAsync(string accountNumber, CancellationToken cancellationToken = default);
}

/// <summary>The executors' register and the team's letters; not telemetry.</summary>
public interface IExecutorContacts
{
    Task<Executor?> ForAccountAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task RegisterAsync(string accountNumber, Executor executor, CancellationToken cancellationToken = default);

    Task SendFinalBillAsync(string email, string closureId, CancellationToken cancellationToken = default);
}

/// <summary>No account has this number; quotes it.</summary>
public sealed class AccountNotFoundException(string accountNumber) : Exception($"No account {accountNumber}");

/// <summary>The meter is not on supply; quotes its serial.</summary>
public sealed class MeterNotFoundException(string meterSerial) : Exception($"Meter {meterSerial} is not on supply");

/// <summary>The final reading is out of line with the estimate; quotes the reading and the difference.</summary>
public sealed class FinalReadingDisputedException(string readingId, decimal delta) : Exception($"Reading {readingId} differs from the estimate by {delta} kWh")
{
    public decimal Delta { get; } = delta;
}

/// <summary>The balance needs a grant of probate before it is refunded; quotes the closure and the threshold.</summary>
public sealed class ProbateRequiredException(string closureId, decimal threshold) : Exception($"Closure {closureId} needs probate above {threshold}");
