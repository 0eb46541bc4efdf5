namespace PrivacyHoldout80.Media;

/// <summary>Writes media playlists with <see cref="Span{T}"/> formatting; segment URIs are signed for the viewer.</summary>
public sealed class ManifestWriter(ILogger<ManifestWriter> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Segwire.Manifests");
    private readonly List<string> _signedUris = new();

    public string Write(string titleId, string rendition, string profileId, string token, ReadOnlySpan<double> durations)
    {
        var builder = new StringBuilder(64 + durations.Length * 96);
        builder.Append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:6\n");
        Span<char> number = stackalloc char[16];
        for (var i = 0; i < durations.Length; i++)
        {
            durations[i].TryFormat(number, out var written, "F3");
            builder.Append("#EXTINF:").Append(number[..written]).Append(",\n");
            var uri = string.Create(null, stackalloc char[128], $"seg_{i}.ts?profile={profileId}&token={token}");
            _signedUris.Add(uri);
            builder.Append(uri).Append('\n');
        }
        var playlist = builder.ToString();

        using var activity = Source.StartActivity("segwire.manifest.write");
        activity?.SetTag("segwire.title", titleId); // clean precision-about
        activity?.SetTag("segwire.manifest.segments", durations.Length); // clean precision-about
        activity?.SetTag("segwire.manifest.chars", playlist.Length); // clean precision-about
        activity?.SetTag("segwire.manifest.head", playlist[..playlist.IndexOf("#EXTINF", StringComparison.Ordinal)]); // clean precision-about
        activity?.SetTag("segwire.manifest.first_uri", _signedUris[^durations.Length]); // leak TC1001 cross-member
        logger.LogDebug("Playlist for {Title}/{Rendition}:\n{Playlist}", titleId, rendition, playlist); // leak TC1001 strings
        logger.LogDebug("Playlist for {Viewer}", pseudonymizer.ComputeSegwireViewerId(profileId)); // clean precision-pseudonym
        return playlist;
    }

    public void ClearSigned()
    {
        logger.LogInformation("Dropping {Count} signed URIs", _signedUris.Count); // clean precision-about
        logger.LogInformation("Dropping signed URIs {Uris}", _signedUris); // leak TC1001 logging-objects
        _signedUris.Clear();
    }
}
