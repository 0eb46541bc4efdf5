namespace Trialwise.Biobank;

// The shapes of a biobank's laboratory information management system (LIMS).

/// <summary>An aliquot in storage. Prints the sample id (a random barcode), the matrix, the volume and the freezer position.</summary>
public sealed record SampleAliquot(string SampleId, string Matrix, double VolumeMl, string FreezerPosition);

/// <summary>A sample received from a site. Prints the sample id, the participant's study number, the visit code and the collection time.</summary>
public sealed record SampleReceipt(string SampleId, string StudyNumber, string VisitCode, DateTime CollectedAt);

public interface IBiobankLims
{
    Task<SampleAliquot> AccessionAsync(SampleReceipt receipt, CancellationToken cancellationToken = default);

    Task DestroyAsync(string sampleId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The label does not match the manifest; the message quotes both study numbers.</summary>
public sealed class SampleMismatchException(string manifestStudyNumber, string labelStudyNumber)
    : Exception($"Manifest says {manifestStudyNumber}, label says {labelStudyNumber}");

/// <summary>A shipment broke its temperature chain; the message quotes the shipment and the excursion.</summary>
public sealed class ColdChainException(string shipmentId, double maxCelsius)
    : Exception($"Shipment {shipmentId} reached {maxCelsius:F1} °C");
