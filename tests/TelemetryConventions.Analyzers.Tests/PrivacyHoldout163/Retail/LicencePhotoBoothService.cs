namespace PrivacyHoldout163.Retail;

/// <summary>Photo booths in stores send provisional licence photos to the agency with the applicant's licence number.</summary>
public sealed class LicencePhotoBoothService(Pseudonymizer pseudonymizer, ILogger<LicencePhotoBoothService> logger)
{
    private static readonly ActivitySource Source = new("Driving.Cover.Booths");
    private static readonly Histogram<int> Sizes = new Meter("Driving.Cover.Booths").CreateHistogram<int>("learnercover.photo.bytes");
    private PhotoUpload? last;

    public void Uploaded(PhotoUpload upload)
    {
        last = upload;
        using var activity = Source.StartActivity("booth.upload");
        activity?.SetTag("learnercover.booth", upload.BoothId); // clean precision-about
        activity?.SetTag("learnercover.upload", upload.UploadId); // clean precision-names
        Sizes.Record(upload.Bytes, new KeyValuePair<string, object?>("booth", upload.BoothId)); // clean precision-about
        logger.LogInformation("Upload {Upload}", upload); // leak TC1001 logging-objects
        logger.LogInformation("Photo for licence {Licence} uploaded", upload.LicenceNumber); // leak TC1001 direct
        logger.LogInformation("Photo for licence {Licence} uploaded", pseudonymizer.ComputeLearnercoverCustomerId(upload.LicenceNumber)); // clean precision-pseudonym
        activity?.SetTag("learnercover.photo.path", $"photos/{upload.BoothId}/{upload.LicenceNumber}.jpg"); // leak TC1001 strings
        activity?.SetTag("learnercover.photo.container", "photos"); // clean strings
    }

    public void Rejected(string reasonCode)
    {
        Activity.Current?.SetTag("learnercover.photo.rejected", reasonCode); // clean precision-about
        Activity.Current?.SetTag("learnercover.photo.rejected.licence", last?.LicenceNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("learnercover.photo.rejected.booth", last?.BoothId); // clean cross-member
    }
}
