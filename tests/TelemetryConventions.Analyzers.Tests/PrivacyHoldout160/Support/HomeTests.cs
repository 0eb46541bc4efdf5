namespace MedTech.HomeTests;

// Home test kits sold by a pharmacy chain and read by a partner lab.

/// <summary>A kit registered to its user. Prints kit barcode, customer id, email, postcode, SKU and order id.</summary>
public sealed record KitRegistration(string KitBarcode, string CustomerId, string Email, string Postcode, string Sku, string OrderId);

/// <summary>A lab result. Prints result id, kit barcode, analyte and flag.</summary>
public sealed record LabResult(string ResultId, string KitBarcode, string Analyte, string Flag);

/// <summary>A batch of kits shipped from a depot. Prints order id, SKU, carrier and depot.</summary>
public sealed record KitDispatch(string OrderId, string Sku, string Carrier, string Depot);

public interface IKitRegistry
{
    Task<KitRegistration?> FindAsync(string kitBarcode, CancellationToken cancellationToken = default);

    Task SaveAsync(KitRegistration registration, CancellationToken cancellationToken = default);
}

/// <summary>The partner lab's API and the results portal; not telemetry.</summary>
public interface ILabGateway
{
    Task<LabResult?> ResultAsync(string kitBarcode, CancellationToken cancellationToken = default);

    Task PublishToPortalAsync(string customerId, LabResult result, CancellationToken cancellationToken = default);
}

/// <summary>A sample came in for a kit nobody registered; quotes the kit barcode.</summary>
public sealed class KitNotRegisteredException(string kitBarcode) : Exception($"Kit {kitBarcode} was never registered");

/// <summary>The lab is behind; quotes its code and days.</summary>
public sealed class LabBacklogException(string labCode, int days) : Exception($"Lab {labCode} is {days} days behind");

/// <summary>A sample was rejected; quotes result id and reason code.</summary>
public sealed class SampleRejectedException(string resultId, string reasonCode) : Exception($"Sample {resultId} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}
