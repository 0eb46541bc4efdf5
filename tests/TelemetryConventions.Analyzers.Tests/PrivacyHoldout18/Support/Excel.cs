using System;
using System.Collections.Generic;
using System.IO;

// Stand-ins for ClosedXML. Only the shapes matter.

namespace ClosedXML.Excel
{
    public readonly struct XLCellValue
    {
        private readonly object? _value;

        private XLCellValue(object? value) => _value = value;

        public bool IsBlank => _value is null;

        public static implicit operator XLCellValue(string value) => new(value);

        public static implicit operator XLCellValue(double value) => new(value);

        public static implicit operator XLCellValue(DateTime value) => new(value);

        public override string ToString() => _value?.ToString() ?? string.Empty;
    }

    public interface IXLCell
    {
        XLCellValue Value { get; set; }

        string Address { get; }

        string GetString();

        bool TryGetValue<T>(out T value);
    }

    public interface IXLRow
    {
        int RowNumber();

        IXLCell Cell(int columnNumber);

        IEnumerable<IXLCell> CellsUsed();
    }

    public interface IXLWorksheet
    {
        string Name { get; }

        IXLCell Cell(int row, int column);

        IXLRow Row(int row);

        IEnumerable<IXLRow> RowsUsed();

        IXLRow? LastRowUsed();
    }

    public sealed class XLWorkbook : IDisposable
    {
        private readonly List<IXLWorksheet> _sheets = new();

        public XLWorkbook()
        {
        }

        public XLWorkbook(Stream stream)
        {
        }

        public IReadOnlyList<IXLWorksheet> Worksheets => _sheets;

        public IXLWorksheet Worksheet(int position) => _sheets[position - 1];

        public IXLWorksheet AddWorksheet(string sheetName) => throw new NotSupportedException();

        public void SaveAs(Stream stream)
        {
        }

        public void Dispose()
        {
        }
    }
}
