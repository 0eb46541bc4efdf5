namespace Border.Housing;

// Asylum accommodation: dispersal houses, contingency hotels and their energy.

/// <summary>A dispersal house. Prints property id, meter serial, MPAN, postcode, region and bedspaces.</summary>
public sealed record DispersalProperty(string PropertyId, string MeterSerial, string Mpan, string Postcode, string Region, int Bedspaces);

/// <summary>A contingency hotel. Prints hotel code, its supply's MPAN, region and rooms.</summary>
public sealed record ContingencyHotel(string HotelCode, string Mpan, string Region, int Rooms);

/// <summary>A prepayment top-up. Prints top-up id, meter serial, amount and the vend code.</summary>
public sealed record PrepaymentTopUp(string TopUpId, string MeterSerial, decimal Amount, string VendCode);

/// <summary>A fault a resident reported. Prints fault id, property id, the resident's Home Office reference, phone and description.</summary>
public sealed record ResidentFault(string FaultId, string PropertyId, string HoReference, string Phone, string Description);

public interface IPrepaymentVendor
{
    Task<PrepaymentTopUp> VendAsync(string meterSerial, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The meter refused the vend; quotes the meter serial.</summary>
public sealed class VendRejectedException(string meterSerial) : Exception($"Meter {meterSerial} rejected the vend");

/// <summary>The supplier's API is down; quotes the supplier.</summary>
public sealed class SupplierUnavailableException(string supplier) : Exception($"Supplier {supplier} is unavailable");
