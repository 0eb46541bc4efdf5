namespace Driving.Cover;

// A retailer's learner-driver insurance and its provisional licence photo booths.

/// <summary>A quote request. Prints licence number, full name, date of birth, postcode, vehicle registration and email.</summary>
public sealed record QuoteRequest(string LicenceNumber, string FullName, DateOnly DateOfBirth, string Postcode, string VehicleRegistration, string Email);

/// <summary>A quote. Prints quote id, premium, product and months; names no one.</summary>
public sealed record Quote(string QuoteId, decimal Premium, string Product, int Months);

/// <summary>A policy. Prints policy number, licence number, vehicle registration and start.</summary>
public sealed record Policy(string PolicyNumber, string LicenceNumber, string VehicleRegistration, DateOnly Start);

/// <summary>A booth photo sent to the agency. Prints upload id, licence number, booth and size.</summary>
public sealed record PhotoUpload(string UploadId, string LicenceNumber, string BoothId, int Bytes);

public interface IUnderwriter
{
    Task<Quote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default);

    Task<Policy> BindAsync(string quoteId, CancellationToken cancellationToken = default);
}

/// <summary>A postcode is declined; quotes the full postcode.</summary>
public sealed class PostcodeDeclinedException(string postcode) : Exception($"Postcode {postcode} is declined");

/// <summary>The underwriter did not answer; quotes nothing.</summary>
public sealed class UnderwriterTimeoutException() : Exception("The underwriter timed out");
