namespace PrivacyHoldout152.Media;

/// <summary>Lets parents watch their child's room camera for a few minutes a day, and logs who watched.</summary>
[ApiController]
[Route("api/webcams")]
public sealed class ParentWebcamController(
    IChildRegister children,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ParentWebcamController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Nursery.Webcams");
    private static readonly Meter Meter = new("Nursery.Webcams");
    private static readonly UpDownCounter<int> Watching = Meter.CreateUpDownCounter<int>("nursery.webcam.viewers");
    private static readonly Dictionary<string, string> ViewerByCamera = new();

    [HttpPost("{cameraId}/watch")]
    public ActionResult Watch(string cameraId, [FromBody] WebcamViewer viewer, RoomCamera camera)
    {
        using var activity = Source.StartActivity("webcam.watch");
        activity?.SetTag("webcam.camera", cameraId); // clean precision-names
        activity?.SetTag("webcam.room", camera.Room);
        activity?.SetTag("webcam.resolution", camera.Resolution); // clean precision-about
        activity?.SetTag("webcam.viewer", viewer.ParentAccountId); // leak TC1001 direct
        activity?.SetTag("webcam.viewer", pseudonymizer.ComputeNurseryshareParentId(viewer.ParentAccountId)); // clean precision-pseudonym
        activity?.SetTag("client.address", viewer.IpAddress); // leak TC1001 direct
        activity?.SetTag(NurseryshareAttributes.Contact, viewer.Email); // leak TC1001 generated-api
        activity?.SetTag("webcam.viewer_shard", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(viewer.ParentAccountId)))[..16]); // clean hashes
        logger.LogInformation("Camera {Camera} opened", camera); // clean logging-objects
        logger.LogInformation("Camera opened for {Viewer}", viewer); // leak TC1001 logging-objects
        logger.LogInformation("Camera opened for a viewer at {Network}", viewer.IpAddress.Split('.')[0]); // clean precision-about

        ViewerByCamera[cameraId] = viewer.Email;
        Watching.Add(1, new KeyValuePair<string, object?>("room", camera.Room)); // clean precision-about
        Watching.Add(1, new KeyValuePair<string, object?>("viewer", pseudonymizer.ComputeNurseryshareParentId(viewer.ParentAccountId))); // leak TC1003 precision-pseudonym
        return Ok(new { cameraId, expiresInMinutes = 5 });
    }

    [HttpPost("{cameraId}/offline")]
    public ActionResult Offline(string cameraId)
    {
        var offline = new CameraOfflineException(cameraId);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, offline.Message); // clean exceptions
        Activity.Current?.SetTag(NurseryshareAttributes.Note, $"Camera offline with {ViewerByCamera.Count} cameras watched"); // clean generated-api
        Activity.Current?.SetTag(NurseryshareAttributes.Note, $"Camera offline while {ViewerByCamera.GetValueOrDefault(cameraId)} was watching"); // leak TC1001 generated-api
        logger.LogWarning(offline, "Camera went offline"); // clean exceptions
        logger.LogWarning("Camera went offline; the viewer was {Viewer}", ViewerByCamera.GetValueOrDefault(cameraId)); // leak TC1001 cross-member
        return Ok();
    }
}
