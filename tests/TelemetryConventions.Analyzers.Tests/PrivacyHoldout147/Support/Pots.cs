namespace Bank.Pots;

// Savings pots and the energy bill pot. Records print their members.

/// <summary>A savings pot. Prints pot id, account number, the name the customer gave it, balance and goal.</summary>
public sealed record SavingsPot(Guid PotId, string AccountNumber, string Name, decimal Balance, decimal Goal);

/// <summary>The energy bill pot's link to a supplier. Prints pot id, supplier, the customer's supply account number, the MPAN and the monthly amount.</summary>
public sealed record BillPotLink(Guid PotId, string Supplier, string SupplyAccountNumber, string Mpan, decimal MonthlyAmount);

/// <summary>A sweep into pots. Prints sweep id, pots, total and when it ran.</summary>
public sealed record SweepSummary(string SweepId, int Pots, decimal Total, DateTimeOffset RanAt);

public interface IPotStore
{
    Task<SavingsPot?> FindAsync(Guid potId, CancellationToken cancellationToken = default);

    Task<BillPotLink?> LinkAsync(Guid potId, CancellationToken cancellationToken = default);

    Task MoveAsync(Guid potId, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The energy supplier's bill payment API; not telemetry.</summary>
public interface ISupplierBillingClient
{
    Task<string> PayAsync(string supplier, string supplyAccountNumber, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The supplier does not know the supply account; quotes it.</summary>
public sealed class SupplyAccountUnknownException(string supplier, string supplyAccountNumber) : Exception($"{supplier} has no supply account {supplyAccountNumber}");

/// <summary>The pot holds less than the bill; quotes pot id and shortfall.</summary>
public sealed class PotShortfallException(Guid potId, decimal shortfall) : Exception($"Pot {potId} is short by {shortfall:0.00}");
