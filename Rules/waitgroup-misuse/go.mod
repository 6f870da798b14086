module example.com/rules/waitgroupmisuse

go 1.21
