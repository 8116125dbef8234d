-- A complaint and a report (举报) made in one submission are two cases (市场监督管理投诉举报处理暂行办法 art. 9), each
-- with its own gateway reference; each names the other here, so operators see the link.
alter table transfer_case add column linked_case_ref varchar(40);
