using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for MetadataExtractor (EXIF) and the nClam virus scanner. Only the shapes matter.

namespace MetadataExtractor
{
    public sealed class Tag(int type, string name, string? description, string directoryName)
    {
        public int Type { get; } = type;

        public string Name { get; } = name;

        public string? Description { get; } = description;

        public string DirectoryName { get; } = directoryName;
    }

    public sealed record GeoLocation(double Latitude, double Longitude);

    public abstract class Directory
    {
        public abstract string Name { get; }

        public IReadOnlyList<Tag> Tags { get; init; } = [];

        public string? GetDescription(int tagType) => null;

        public string? GetString(int tagType) => null;

        public bool ContainsTag(int tagType) => false;
    }

    public static class ImageMetadataReader
    {
        public static IReadOnlyList<Directory> ReadMetadata(Stream stream) => [];
    }
}

namespace MetadataExtractor.Formats.Exif
{
    public sealed class ExifIfd0Directory : Directory
    {
        public const int TagMake = 0x010F;
        public const int TagModel = 0x0110;
        public const int TagOrientation = 0x0112;
        public const int TagSoftware = 0x0131;
        public const int TagArtist = 0x013B;
        public const int TagCopyright = 0x8298;

        public override string Name => "Exif IFD0";
    }

    public sealed class ExifSubIfdDirectory : Directory
    {
        public const int TagDateTimeOriginal = 0x9003;
        public const int TagExifImageWidth = 0xA002;
        public const int TagExifImageHeight = 0xA003;
        public const int TagCameraOwnerName = 0xA430;
        public const int TagBodySerialNumber = 0xA431;

        public override string Name => "Exif SubIFD";
    }

    public sealed class GpsDirectory : Directory
    {
        public override string Name => "GPS";

        public GeoLocation? GetGeoLocation() => null;
    }
}

namespace nClam
{
    public enum ClamScanResults
    {
        Unknown,
        Clean,
        VirusDetected,
        Error,
    }

    public sealed class ClamScanInfectedFile
    {
        /// <summary>The scanned path as clamd reports it ("stream" for INSTREAM scans).</summary>
        public string FileName { get; init; } = string.Empty;

        public string VirusName { get; init; } = string.Empty;
    }

    public sealed class ClamScanResult
    {
        /// <summary>clamd's reply line, "&lt;path&gt;: &lt;signature&gt; FOUND" or "&lt;path&gt;: OK".</summary>
        public string RawResult { get; init; } = string.Empty;

        public ClamScanResults Result { get; init; }

        public IReadOnlyList<ClamScanInfectedFile>? InfectedFiles { get; init; }
    }

    public class ClamClient(string server, int port = 3310)
    {
        public string Server { get; } = server;

        public int Port { get; } = port;

        public long MaxStreamSize { get; set; } = 26_214_400;

        /// <summary>Streams the bytes to clamd (INSTREAM): the reply names the file "stream".</summary>
        public virtual Task<ClamScanResult> SendAndScanFileAsync(Stream sourceStream, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ClamScanResult { RawResult = "stream: OK", Result = ClamScanResults.Clean });

        /// <summary>Asks clamd to scan a file it can read (SCAN): the reply quotes the path.</summary>
        public virtual Task<ClamScanResult> ScanFileOnServerAsync(string filePath, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ClamScanResult { RawResult = filePath + ": OK", Result = ClamScanResults.Clean });
    }
}
