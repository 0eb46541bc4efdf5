namespace Border.Retail;

// Tax-free shopping, airside tills and ASPEN card acceptance.

/// <summary>A tax-free form. Prints form id, passport number, nationality, amount, store and the shopper's email.</summary>
public sealed record TaxFreeForm(string FormId, string PassportNumber, string Nationality, decimal Amount, string StoreCode, string Email);

/// <summary>A boarding pass scanned at an airside till. Prints the bar code's text, flight and destination.</summary>
public sealed record BoardingPassScan(string Bcbp, string FlightNumber, string Destination);

/// <summary>A till's ASPEN card payment. Prints till, card number, basket total and the refused lines.</summary>
public sealed record AspenBasket(string TillId, string CardNumber, decimal Total, int RefusedLines);

public interface ITaxFreeOperator
{
    Task<string> ValidateAsync(TaxFreeForm form, CancellationToken cancellationToken = default);
}

/// <summary>The form was already refunded; quotes the form.</summary>
public sealed class FormAlreadyRefundedException(string formId) : Exception($"Form {formId} was already refunded");

/// <summary>The passport is not a visitor's; quotes the passport number.</summary>
public sealed class NotEligibleVisitorException(string passportNumber) : Exception($"Passport {passportNumber} is not eligible for tax-free shopping");
