using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

/// <summary>Every error names its field by JSON path and by JSON pointer, also for names that need quoting.</summary>
public class PointerTests
{
    [Theory]
    [InlineData("$", "")]
    [InlineData("$.name", "/name")]
    [InlineData("$.evidence[0].fileName", "/evidence/0/fileName")]
    [InlineData("$['x-extends']", "/x-extends")]
    [InlineData("$['a/b']['c~d']", "/a~1b/c~0d")]
    [InlineData("$['it\\'s']", "/it's")]
    [InlineData("ui:$['ui:order'][1]", "/ui:order/1")]
    public void Paths_become_pointers(string path, string pointer)
    {
        Assert.Equal(pointer, new FieldError(path, "").Pointer);
    }

    [Fact]
    public void A_missing_field_with_an_odd_name_is_named_by_both()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "required": ["unit/code"],
              "properties": { "unit/code": { "type": "string", "title": "单位代码" } } }
            """);

        var error = Assert.Single(catalog.Validate("form", TestForms.Data("{}")));

        Assert.Equal(("$['unit/code']", "/unit~1code", "“单位代码”为必填项"), (error.Path, error.Pointer, error.Message));
    }
}
