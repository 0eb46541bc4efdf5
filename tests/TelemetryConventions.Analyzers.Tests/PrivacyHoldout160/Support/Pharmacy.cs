namespace MedTech.Pharmacy;

// A pharmacy chain's hearing centres and co-pay cards.

/// <summary>A hearing test booking. Prints appointment id, customer id, name, the audiologist's staff id, store and time.</summary>
public sealed record HearingAppointment(string AppointmentId, string CustomerId, string CustomerName, string AudiologistStaffId, string Store, DateTimeOffset At);

/// <summary>A co-pay card redemption. Prints redemption id, card number, programme, amount, store and customer id.</summary>
public sealed record CopayRedemption(string RedemptionId, string CardNumber, string Programme, decimal Amount, string Store, string CustomerId);

/// <summary>The programme's processor; not telemetry.</summary>
public interface ICopayProcessor
{
    Task<bool> RedeemAsync(string cardNumber, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>A blocked card; quotes its number.</summary>
public sealed class CopayCardBlockedException(string cardNumber) : Exception($"Co-pay card {cardNumber} is blocked");

/// <summary>The programme's budget ran out; quotes the programme.</summary>
public sealed class ProgrammeBudgetExhaustedException(string programme) : Exception($"Programme {programme} budget exhausted");
