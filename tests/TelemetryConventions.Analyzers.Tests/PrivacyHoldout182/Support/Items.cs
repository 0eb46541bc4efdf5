namespace Counter.Items;

/// <summary>A seller or pledging customer as the counter system holds them: id, full name, email, mobile, date of birth, postcode.</summary>
public sealed record Seller(string SellerId, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode);

/// <summary>An identity check at the counter: seller id, document type, document number, whether it was verified.</summary>
public sealed record IdCheck(string SellerId, string DocumentType, string DocumentNumber, bool Verified);

/// <summary>A pledge (a pawn loan against an item): ticket number, customer id, customer name, the item as described, its serial, loan, rate, due date.</summary>
public sealed record Pledge(string TicketNumber, string CustomerId, string CustomerName, string ItemDescription, string SerialNumber, decimal LoanAmount, decimal MonthlyRate, DateOnly DueOn);

/// <summary>A pledge without the customer or the item's identity: ticket, branch, category, loan, term.</summary>
public sealed record PledgeSummary(string TicketNumber, string Branch, string Category, decimal LoanAmount, int TermDays);

/// <summary>An item bought outright over the counter: intake id, seller id, category, the item as described, serial, price paid.</summary>
public sealed record ItemIntake(string IntakeId, string SellerId, string Category, string Description, string Serial, decimal PricePaid);

/// <summary>A stolen-goods register check as sent: check id, the serial checked, the register.</summary>
public sealed record RegisterCheck(string CheckId, string Serial, string Register);

/// <summary>A register check's result: check id, register, outcome code, matches; names neither the item nor the seller.</summary>
public sealed record RegisterCheckResult(string CheckId, string Register, string Outcome, int Matches);

/// <summary>A notification to the police of an item flagged or a seller of interest: notification id, force, officer's email, crime reference, seller's name, serial.</summary>
public sealed record PoliceNotification(string NotificationId, string Force, string OfficerEmail, string CrimeReference, string SellerName, string Serial);

/// <summary>A redemption (a pledge paid off and the item handed back): ticket, customer id, amount paid, channel.</summary>
public sealed record Redemption(string TicketNumber, string CustomerId, decimal AmountPaid, string Channel);

/// <summary>A forfeiture: the pledge lapsed and the item became the branch's stock: ticket, branch, category, stock number.</summary>
public sealed record Forfeiture(string TicketNumber, string Branch, string Category, string StockNumber, DateOnly ForfeitedOn);

/// <summary>A trade-in quote by model and grade; names no one.</summary>
public sealed record TradeInQuote(string QuoteId, string Category, string Model, string Grade, decimal Offer);

/// <summary>A trade-in accepted: trade-in id, customer id, the device's serial, model, offer.</summary>
public sealed record TradeIn(string TradeInId, string CustomerId, string Serial, string Model, decimal Offer);

/// <summary>A seller's profile as the loyalty portal holds it (a class, no ToString).</summary>
public sealed class SellerProfile
{
    public required string SellerId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public int PledgesRedeemed { get; init; }

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The pledge book (the regulated record of loans), not telemetry.</summary>
public interface IPledgeBook
{
    Task<Pledge?> FindAsync(string ticketNumber, CancellationToken cancellationToken = default);

    Task<Seller?> SellerAsync(string sellerId, CancellationToken cancellationToken = default);

    Task RecordAsync(Pledge pledge, CancellationToken cancellationToken = default);
}

/// <summary>The stolen-goods register (CheckMEND, Immobilise, BikeRegister), not telemetry.</summary>
public interface IStolenGoodsRegister
{
    Task<RegisterCheckResult> CheckAsync(RegisterCheck check, CancellationToken cancellationToken = default);
}

/// <summary>The police notification channel, not telemetry.</summary>
public interface IPoliceNotifier
{
    Task SendAsync(PoliceNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>No such seller; quotes the seller id.</summary>
public sealed class SellerNotFoundException(string sellerId) : Exception($"Seller {sellerId} is not on file");

/// <summary>An item the register flags as stolen; quotes the serial.</summary>
public sealed class StolenItemFlaggedException(string serial) : Exception($"Item with serial {serial} is flagged as stolen");

/// <summary>An identity document refused; quotes its number.</summary>
public sealed class IdDocumentRejectedException(string documentNumber) : Exception($"Document {documentNumber} could not be verified");

/// <summary>A seller the branch will not deal with; quotes the seller's name.</summary>
public sealed class SellerRefusedException(string sellerName) : Exception($"{sellerName} is on the refusal list");

/// <summary>The register did not answer; quotes the register and the status code.</summary>
public sealed class RegisterUnavailableException(string register, int statusCode) : Exception($"Register {register} answered {statusCode}");

/// <summary>A loan above the branch's limit; quotes the branch and the amount.</summary>
public sealed class LoanLimitExceededException(string branch, decimal amount) : Exception($"Loan of {amount} exceeds the limit at {branch}");

/// <summary>No such pawn ticket; quotes the ticket number.</summary>
public sealed class TicketNotFoundException(string ticketNumber) : Exception($"Ticket {ticketNumber} is not in the pledge book");
