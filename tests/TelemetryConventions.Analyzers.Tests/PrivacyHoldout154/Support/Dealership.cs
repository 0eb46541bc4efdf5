namespace Motor.Dealership;

// The dealer management system (DMS) and CRM as the services use them. Records print their members.

/// <summary>A customer. Prints customer number, names, email, mobile and postcode.</summary>
public sealed record Customer(string CustomerNumber, string FirstName, string LastName, string Email, string Mobile, string Postcode);

/// <summary>A sales lead. Prints lead id, customer number, email, the model of interest and the source.</summary>
public sealed record SalesLead(string LeadId, string CustomerNumber, string Email, string ModelInterest, string Source);

/// <summary>A car in the dealer's stock (the dealer owns it). Prints stock number, VIN, registration, make, model, mileage and price.</summary>
public sealed record StockVehicle(string StockNumber, string Vin, string Registration, string Make, string Model, int Mileage, decimal Price);

/// <summary>A customer's car offered in part exchange. Prints registration, VIN, mileage, customer number and valuation.</summary>
public sealed record PartExchange(string Registration, string Vin, int Mileage, string CustomerNumber, decimal Valuation);

/// <summary>A finance proposal. Prints proposal id, customer number, amount and term.</summary>
public sealed record FinanceProposal(string ProposalId, string CustomerNumber, decimal Amount, int TermMonths);

/// <summary>A lender's decision. Prints proposal id, lender, decision and APR.</summary>
public sealed record FinanceDecision(string ProposalId, string Lender, string Decision, decimal Apr);

/// <summary>A service booking. Prints booking id, the customer's registration, customer number, date, service type and the customer's own description.</summary>
public sealed record ServiceBooking(string BookingId, string Registration, string CustomerNumber, DateOnly Date, string ServiceType, string? CustomerDescription);

/// <summary>A workshop job card. Prints job number, bay, the technician's staff id, service type and labour hours.</summary>
public sealed record JobCard(string JobNumber, string Bay, string TechnicianStaffId, string ServiceType, decimal LabourHours);

/// <summary>A parts order. Prints order id, part number, quantity and supplier.</summary>
public sealed record PartsOrder(string OrderId, string PartNumber, int Quantity, string Supplier);

public interface IDealerCrm
{
    Task<Customer?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<Customer?> FindAsync(string customerNumber, CancellationToken cancellationToken = default);

    Task SaveLeadAsync(SalesLead lead, CancellationToken cancellationToken = default);
}

public interface IDealerManagementSystem
{
    Task<StockVehicle?> StockAsync(string stockNumber, CancellationToken cancellationToken = default);

    Task<decimal> ValueAsync(PartExchange partExchange, CancellationToken cancellationToken = default);

    Task<FinanceDecision> ProposeAsync(FinanceProposal proposal, CancellationToken cancellationToken = default);

    Task<ServiceBooking> BookAsync(ServiceBooking booking, CancellationToken cancellationToken = default);

    Task<JobCard> OpenJobAsync(string bookingId, CancellationToken cancellationToken = default);
}

/// <summary>Texts and emails customers; not telemetry.</summary>
public interface ICustomerMessenger
{
    Task SendAsync(string mobileOrEmail, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>No customer has that email; quotes the email.</summary>
public sealed class CustomerNotFoundException(string email) : Exception($"No customer with email {email}");

/// <summary>The VIN did not decode; quotes the VIN.</summary>
public sealed class VinDecodeException(string vin) : Exception($"VIN {vin} did not decode")
{
    public string Vin { get; } = vin;
}

/// <summary>The stock car is reserved by another lead; quotes the stock number and the lead id.</summary>
public sealed class StockReservedException(string stockNumber, string leadId) : Exception($"Stock {stockNumber} is reserved by lead {leadId}");

/// <summary>The lender did not answer; quotes the lender and the wait.</summary>
public sealed class LenderTimeoutException(string lender, TimeSpan waited) : Exception($"Lender {lender} did not answer within {waited.TotalSeconds:0}s")
{
    public string Lender { get; } = lender;
}

/// <summary>The slot is taken; quotes the site and the date.</summary>
public sealed class BookingSlotTakenException(string site, DateOnly date) : Exception($"No workshop slot at {site} on {date:yyyy-MM-dd}");
